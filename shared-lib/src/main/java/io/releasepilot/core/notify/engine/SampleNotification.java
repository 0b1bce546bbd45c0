package io.releasepilot.core.notify.engine;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sample {@code notifications test} sends straight to every channel (no routing). Medium and marked finished, so
 * PagerDuty records a change event and pages nobody.
 */
public final class SampleNotification {
    private SampleNotification() {}

    public static Notification of(String service, Instant now) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("service", service);
        facts.put("environment", "test");
        return new Notification(
                UUID.randomUUID(),
                EventType.RELEASE_STARTED,
                NotificationEvent.STARTED,
                NotificationSeverity.MEDIUM,
                true,
                new UUID(0, 0),
                service,
                "test",
                now,
                "[test] " + service + ": Release Pilot notification test",
                List.of("This is a test sent by 'release-pilot notifications test'; nothing happened to a release."),
                facts,
                Map.of());
    }
}
