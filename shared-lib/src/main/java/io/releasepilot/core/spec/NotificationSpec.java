package io.releasepilot.core.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notification target. Secrets are never in the spec: {@code urlEnv} and {@code secretEnv} name the environment
 * variables that hold them.
 *
 * @param urlEnv the variable holding the target URL (URLs often embed a secret): the webhook, the Slack incoming webhook,
 *     {@code smtp://[user@]host:port} for email, the ticket endpoint; for PagerDuty optional (the Events API base URL,
 *     default {@code https://events.pagerduty.com})
 * @param events the release events sent (empty list never happens: the default is every event)
 * @param severities the tiers sent (default by type, {@link NotificationSeverity#defaultsFor})
 * @param environments the environments whose releases are sent; empty means every environment
 * @param secretEnv the variable holding the HMAC key (webhook), the routing key (PagerDuty), the SMTP password (email)
 *     or the bearer token (ticket)
 * @param to email recipients
 * @param from email sender
 * @param template the ticket request body with {@code {{placeholders}}} (docs/notifications.md)
 */
public record NotificationSpec(
        String name,
        NotificationType type,
        @Nullable String urlEnv,
        List<NotificationEvent> events,
        List<NotificationSeverity> severities,
        List<String> environments,
        @Nullable String secretEnv,
        List<String> to,
        @Nullable String from,
        @Nullable String template) {
    public NotificationSpec {
        Require.text(name, "notification name");
        Require.present(type, "type");
        events = Require.list(events, "events");
        severities = Require.list(severities, "severities");
        environments = Require.list(environments, "environments");
        to = Require.list(to, "to");
    }

    /** A webhook target with the default routing (the shape before severities existed). */
    public NotificationSpec(String name, NotificationType type, String urlEnv, List<NotificationEvent> events) {
        this(
                name,
                type,
                urlEnv,
                events,
                NotificationSeverity.defaultsFor(type),
                List.of(),
                null,
                List.of(),
                null,
                null);
    }
}
