package io.releasepilot.core.notify;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Notifications for channel tests. */
public final class SampleNotifications {
    private SampleNotifications() {}

    public static Notification rollback() {
        return of(EventType.RELEASE_ROLLED_BACK, NotificationEvent.ROLLBACK, NotificationSeverity.CRITICAL, true);
    }

    public static Notification succeeded() {
        return of(EventType.RELEASE_SUCCEEDED, NotificationEvent.COMPLETED, NotificationSeverity.MEDIUM, true);
    }

    public static Notification of(
            EventType type, NotificationEvent category, NotificationSeverity severity, boolean finished) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("service", "checkout");
        facts.put("environment", "prod");
        facts.put("version", "1.4.0");
        facts.put("traffic", "At step 2 with weights stable 75 % / new 25 %");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("report", "release-pilot report --release-id 0190a2b4-0000-7000-8000-000000000001");
        links.put("release", "https://pilot.example.com/releases/0190a2b4-0000-7000-8000-000000000001");
        return new Notification(
                UUID.randomUUID(),
                type,
                category,
                severity,
                finished,
                UUID.fromString("0190a2b4-0000-7000-8000-000000000001"),
                "checkout",
                "prod",
                Instant.parse("2026-12-02T16:00:00Z"),
                "[" + severity.yamlName() + "] checkout → prod: release 1.4.0 " + category.yamlName(),
                List.of(
                        "Rollback: errorRate above threshold (by release-pilot)",
                        "errorRate = 0.05200 (threshold < 1%)",
                        "errorRate: canary median 0.052 vs baseline 0.004, p-value 0.0012, effect size 0.91 → FAIL"),
                facts,
                links);
    }
}
