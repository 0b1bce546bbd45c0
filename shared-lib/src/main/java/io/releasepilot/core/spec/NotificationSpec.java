package io.releasepilot.core.spec;

import java.util.List;

/**
 * A notification target.
 *
 * @param urlEnv the environment variable holding the target URL (URLs often embed a secret)
 */
public record NotificationSpec(String name, NotificationType type, String urlEnv, List<NotificationEvent> events) {
    public NotificationSpec {
        Require.text(name, "notification name");
        Require.present(type, "type");
        Require.text(urlEnv, "urlEnv");
        events = Require.list(events, "events");
    }
}
