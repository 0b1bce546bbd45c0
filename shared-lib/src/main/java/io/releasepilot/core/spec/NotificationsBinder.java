package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds {@code notifications}: webhook targets (named by the variable holding the URL) and their events. */
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
        Bound<String> urlEnv = parts.add(references
                .envName(o, "urlEnv")
                .flatMap(env -> env.map(Bound::of)
                        .orElseGet(() ->
                                values.missing(o, "urlEnv", "the environment variable holding the webhook URL"))));
        Bound<List<NotificationEvent>> events =
                parts.add(values.enumList(o, "events", NotificationEvent.class, SpecDefaults.NOTIFICATION_EVENTS));
        return parts.build(o, () -> new NotificationSpec(name.value(), type.value(), urlEnv.value(), events.value()));
    }
}
