package io.releasepilot.core.notify;

import io.releasepilot.core.spec.NotificationSpec;
import io.releasepilot.core.spec.NotificationType;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which targets receive a notification: event type × severity × environment. A target receives it when its
 * {@code events} list the notification's category, its {@code severities} its tier, and its {@code environments} (none
 * = all) the release's environment. A PagerDuty target also receives every finished release regardless of tier: the
 * change event of each deploy, and the resolve of an open incident when a release succeeds.
 */
public final class NotificationRouter {
    private final List<NotificationSpec> targets;

    public NotificationRouter(List<NotificationSpec> targets) {
        this.targets = List.copyOf(targets);
    }

    /** The names of the targets that receive {@code notification}, in spec order. */
    public List<String> route(Notification notification) {
        List<String> names = new ArrayList<>();
        for (NotificationSpec target : targets) {
            if (receives(target, notification)) {
                names.add(target.name());
            }
        }
        return names;
    }

    static boolean receives(NotificationSpec target, Notification notification) {
        if (!target.environments().isEmpty() && !target.environments().contains(notification.environment())) {
            return false;
        }
        if (!target.events().contains(notification.category())) {
            return false;
        }
        return target.severities().contains(notification.severity())
                || (target.type() == NotificationType.PAGERDUTY && notification.finished());
    }
}
