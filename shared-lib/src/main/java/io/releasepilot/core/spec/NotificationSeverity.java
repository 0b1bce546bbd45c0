package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;
import java.util.List;

/**
 * How urgent a notification is, the tiers routing goes by. The defaults follow the product brief: critical reaches
 * PagerDuty, Slack and email; high reaches Slack and email; medium reaches Slack; info reaches only generic webhooks.
 * Written in lower case in the spec.
 */
public enum NotificationSeverity implements SpecEnum {
    /** A rollback or a failed release: someone is paged. */
    CRITICAL,
    /** A failed gate, an abort, a requested rollback. */
    HIGH,
    /** A warning-tier trigger result or notice, a completed release. */
    MEDIUM,
    /** Progress: a release started, a step approved, a promotion. */
    INFO;

    /** The tiers a target of {@code type} receives when its spec lists none. */
    public static List<NotificationSeverity> defaultsFor(NotificationType type) {
        return switch (type) {
            case PAGERDUTY, TICKET -> List.of(CRITICAL);
            case EMAIL -> List.of(CRITICAL, HIGH);
            case SLACK -> List.of(CRITICAL, HIGH, MEDIUM);
            case WEBHOOK -> List.of(CRITICAL, HIGH, MEDIUM, INFO);
        };
    }
}
