package io.releasepilot.core.notify;

import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import io.releasepilot.core.state.ReleaseStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a release event into what people are told, or nothing for events nobody is told about (progress updates,
 * traffic steps, passing analyses). The tier of each event: a rollback or a failed release is critical; a failed gate,
 * an abort, a requested rollback or a bypassed gate is high; a warning (a warning-tier trigger's notice, a warning
 * verdict, a pause, a lock taken over) and a completed release are medium; a start, a promotion, an approval is info.
 * Pure: the caller passes the release's ledger steps, which supply the evidence.
 */
public final class NotificationComposer {
    private final @Nullable String publicUrl;

    /** @param publicUrl where {@code serve} is reachable (links to the release), or null for command links only */
    public NotificationComposer(@Nullable String publicUrl) {
        this.publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }

    private record Kind(NotificationEvent category, NotificationSeverity severity, String what) {}

    public Optional<Notification> compose(ReleaseEvent event, List<ReleaseStep> history) {
        Map<String, Object> data = event.data();
        Kind kind = kind(event);
        if (kind == null) {
            return Optional.empty();
        }
        List<String> explanation = new ArrayList<>();
        String reason = text(data, "reason");
        switch (event.type()) {
            case RELEASE_ROLLED_BACK, RELEASE_FAILED -> {
                if (reason != null) {
                    explanation.add("Reason: " + reason);
                }
                explanation.addAll(Evidence.rollback(history));
            }
            case STEP_RECORDED -> explanation.addAll(stepLines(data, history));
            default -> {
                if (reason != null) {
                    explanation.add("Reason: " + reason);
                }
            }
        }
        String actor = text(data, "actor");
        if (actor != null) {
            explanation.add("By " + actor + (text(data, "ciRunUrl") == null ? "" : " (" + data.get("ciRunUrl") + ")"));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("service", event.service());
        facts.put("environment", event.environment());
        putIf(facts, "version", text(data, "version"));
        putIf(facts, "actor", actor);
        putIf(facts, "step", text(data, "stepIndex"));
        String traffic = Evidence.traffic(history);
        putIf(facts, "traffic", traffic);
        facts.put("release", event.releaseId().toString());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("report", "release-pilot report --release-id " + event.releaseId());
        if (publicUrl != null) {
            links.put("release", publicUrl + "/releases/" + event.releaseId());
        }
        String title = "[" + kind.severity().name().toLowerCase(Locale.ROOT) + "] " + event.service() + " → "
                + event.environment() + ": " + kind.what();
        boolean finished = switch (event.type()) {
            case RELEASE_SUCCEEDED, RELEASE_ROLLED_BACK, RELEASE_FAILED, RELEASE_ABORTED -> true;
            default -> false;
        };
        return Optional.of(new Notification(
                event.id(),
                event.type(),
                kind.category(),
                kind.severity(),
                finished,
                event.releaseId(),
                event.service(),
                event.environment(),
                event.time(),
                title,
                explanation,
                facts,
                links));
    }

    private static @Nullable Kind kind(ReleaseEvent event) {
        Map<String, Object> data = event.data();
        String version = text(data, "version");
        String of = version == null ? "" : " " + version;
        return switch (event.type()) {
            case RELEASE_STARTED ->
                new Kind(NotificationEvent.STARTED, NotificationSeverity.INFO, "release" + of + " started");
            case RELEASE_PROMOTED -> new Kind(NotificationEvent.PROMOTED, NotificationSeverity.INFO, "promoted");
            case STEP_APPROVED -> new Kind(NotificationEvent.PROMOTED, NotificationSeverity.INFO, "step approved");
            case RELEASE_SUCCEEDED ->
                new Kind(NotificationEvent.COMPLETED, NotificationSeverity.MEDIUM, "release" + of + " succeeded");
            case RELEASE_ROLLED_BACK ->
                new Kind(NotificationEvent.ROLLBACK, NotificationSeverity.CRITICAL, "release" + of + " rolled back");
            case RELEASE_FAILED ->
                new Kind(NotificationEvent.ROLLBACK, NotificationSeverity.CRITICAL, "release" + of + " failed");
            case ROLLBACK_REQUESTED ->
                new Kind(NotificationEvent.ROLLBACK, NotificationSeverity.HIGH, "rollback" + " requested");
            case ABORT_REQUESTED -> new Kind(NotificationEvent.ABORTED, NotificationSeverity.HIGH, "abort requested");
            case RELEASE_ABORTED -> new Kind(NotificationEvent.ABORTED, NotificationSeverity.HIGH, "release aborted");
            case GATE_BYPASSED -> new Kind(NotificationEvent.GATE_FAILED, NotificationSeverity.HIGH, "gate bypassed");
            case RELEASE_PAUSED -> new Kind(NotificationEvent.WARNING, NotificationSeverity.MEDIUM, "release paused");
            case LOCK_TAKEN_OVER -> new Kind(NotificationEvent.WARNING, NotificationSeverity.MEDIUM, "lock taken over");
            case STEP_RECORDED -> stepKind(data);
            case RELEASE_RESUMED, PROGRESS_UPDATED -> null;
        };
    }

    /** Only the steps people act on: a failed or warning gate, a warning verdict, a notice, a blind analysis. */
    private static @Nullable Kind stepKind(Map<String, Object> data) {
        String kind = String.valueOf(data.get("kind"));
        String verdict = text(data, "verdict");
        String event = text(details(data), "event");
        if ("GATE".equals(kind) && "FAIL".equals(verdict)) {
            return new Kind(NotificationEvent.GATE_FAILED, NotificationSeverity.HIGH, "quality gate failed");
        }
        if ("WARNING".equals(verdict)) {
            return new Kind(
                    NotificationEvent.WARNING,
                    NotificationSeverity.MEDIUM,
                    kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " warning");
        }
        if ("notify".equals(event)) {
            return new Kind(NotificationEvent.WARNING, NotificationSeverity.MEDIUM, "warning");
        }
        if ("no-signal".equals(event)) {
            return new Kind(NotificationEvent.WARNING, NotificationSeverity.MEDIUM, "no signal");
        }
        return null;
    }

    private static List<String> stepLines(Map<String, Object> data, List<ReleaseStep> history) {
        Map<String, Object> details = details(data);
        List<String> lines = new ArrayList<>();
        putLine(lines, text(details, "message"));
        putLine(lines, text(details, "reason"));
        putLine(lines, text(details, "hint"));
        if (details.get("objectives") instanceof List<?> objectives) {
            for (Object item : objectives) {
                if (item instanceof Map<?, ?> objective) {
                    lines.add(objective.get("name") + " (" + objective.get("source") + " " + objective.get("metric")
                            + ") = " + value(objective.get("value")) + ", needs " + objective.get("comparator") + " "
                            + value(objective.get("pass")) + " → " + objective.get("verdict"));
                }
            }
        }
        if ("ANALYSIS".equals(data.get("kind")) || "HEALTH_CHECK".equals(data.get("kind"))) {
            lines.addAll(Evidence.analysis(history));
        }
        if (details.get("consecutiveFailures") != null) {
            lines.add("Health probe failed " + details.get("consecutiveFailures") + " times in a row");
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> data) {
        return data.get("details") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String value(@Nullable Object value) {
        return value instanceof Number number ? Evidence.number(number.doubleValue()) : "no data";
    }

    private static void putLine(List<String> lines, @Nullable String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    private static void putIf(Map<String, String> facts, String key, @Nullable String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private static @Nullable String text(Map<String, ?> data, String key) {
        Object value = data.get(key);
        return value == null ? null : String.valueOf(value);
    }
}
