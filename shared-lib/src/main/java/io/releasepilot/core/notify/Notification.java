package io.releasepilot.core.notify;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What people are told about one release event: a title and the explanation lines (rule or metric, observed value vs
 * threshold and window, the judge's p-value and effect size, step and weights, who did what), plus links.
 *
 * @param eventId the release event this tells about; with the channel name, the delivery's dedup key
 * @param eventType the release event's type
 * @param category the event as targets subscribe to it ({@code events} in the spec)
 * @param severity the routing tier
 * @param finished whether the event ends the release (PagerDuty sends a change event for each)
 * @param title one line
 * @param explanation the evidence, one fact per line
 * @param facts short key/value pairs (service, environment, version, step, weights, actor)
 * @param links label → URL or command (the report)
 */
public record Notification(
        UUID eventId,
        EventType eventType,
        NotificationEvent category,
        NotificationSeverity severity,
        boolean finished,
        UUID releaseId,
        String service,
        String environment,
        Instant time,
        String title,
        List<String> explanation,
        Map<String, String> facts,
        Map<String, String> links) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(title, "title");
        explanation = List.copyOf(explanation);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        links = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    /** The key that identifies an open incident of this service in this environment (PagerDuty dedup key). */
    public String incidentKey() {
        return "release-pilot/" + environment + "/" + service;
    }

    /** Title and explanation as plain text (email body, ticket description). */
    public String text() {
        StringBuilder text = new StringBuilder(title).append("\n\n");
        for (String line : explanation) {
            text.append("- ").append(line).append('\n');
        }
        text.append('\n');
        facts.forEach(
                (key, value) -> text.append(key).append(": ").append(value).append('\n'));
        links.forEach(
                (label, link) -> text.append(label).append(": ").append(link).append('\n'));
        return text.toString();
    }
}
