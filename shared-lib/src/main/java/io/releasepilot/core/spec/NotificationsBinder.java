package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code notifications}: targets (named by the variables holding their URL and secret), the events, severities
 * and environments each receives (docs/notifications.md).
 */
final class NotificationsBinder {
    private final SpecValues values;
    private final SpecReferences references;

    NotificationsBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Bound<List<NotificationSpec>> bind(Mapping root) {
        Parts list = values.parts();
        List<NotificationSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mapping o : list.objects(root, "notifications", "notifications[]")) {
            list.add(notification(o, names)).ifValid(result::add);
        }
        return list.result(result);
    }

    private Bound<NotificationSpec> notification(Mapping o, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(o, "name", null, "e.g. 'name: team-chat'"));
        parts.unique(names, name, o, "name", "notification");
        Bound<NotificationType> type =
                parts.add(values.enumValue(o, "type", NotificationType.class, SpecDefaults.NOTIFICATION_TYPE));
        NotificationType kind = type.isValid() ? type.value() : SpecDefaults.NOTIFICATION_TYPE;
        Bound<Optional<String>> urlEnv = parts.add(references
                .envName(o, "urlEnv")
                .flatMap(env -> env.isPresent() || kind == NotificationType.PAGERDUTY
                        ? Bound.of(env)
                        : values.missing(o, "urlEnv", "the environment variable holding the target URL")));
        Bound<List<NotificationEvent>> events =
                parts.add(values.enumList(o, "events", NotificationEvent.class, SpecDefaults.NOTIFICATION_EVENTS));
        Bound<List<NotificationSeverity>> severities = parts.add(
                values.enumList(o, "severities", NotificationSeverity.class, NotificationSeverity.defaultsFor(kind)));
        Bound<List<String>> environments = parts.add(values.strings(o, "environments", List.of()));
        Bound<Optional<String>> secretEnv = parts.add(references
                .envName(o, "secretEnv")
                .flatMap(env -> env.isPresent() || kind != NotificationType.PAGERDUTY
                        ? Bound.of(env)
                        : values.missing(
                                o, "secretEnv", "the environment variable holding the PagerDuty routing key")));
        Bound<List<String>> to = parts.add(
                kind == NotificationType.EMAIL ? values.strings(o, "to", null) : values.strings(o, "to", List.of()));
        Bound<Optional<String>> from = parts.add(values.optText(o, "from"));
        Bound<Optional<String>> template = parts.add(
                kind == NotificationType.TICKET
                        ? values.text(
                                        o,
                                        "template",
                                        null,
                                        "the ticket request body, e.g. Jira Service Management's"
                                                + " create-request JSON (docs/notifications.md)")
                                .map(Optional::of)
                        : values.optText(o, "template"));
        return parts.build(
                o,
                () -> new NotificationSpec(
                        name.value(),
                        type.value(),
                        urlEnv.value().orElse(null),
                        events.value(),
                        severities.value(),
                        environments.value(),
                        secretEnv.value().orElse(null),
                        to.value(),
                        from.value().orElse(null),
                        template.value().orElse(null)));
    }
}
