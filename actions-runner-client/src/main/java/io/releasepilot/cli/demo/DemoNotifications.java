package io.releasepilot.cli.demo;

import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationComposer;
import io.releasepilot.core.notify.NotificationRouter;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import io.releasepilot.core.spec.NotificationSpec;
import io.releasepilot.core.spec.NotificationType;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prints where the demo's release events would be sent with the routing example of docs/notifications.md (PagerDuty,
 * Slack, email, ticket, webhook at their default tiers): the demo sends nothing, it shows the routing.
 */
public final class DemoNotifications {
    /** The targets of the docs' routing example, with their default tiers. */
    static final List<NotificationSpec> EXAMPLE = List.of(
            target("on-call", NotificationType.PAGERDUTY),
            target("team-chat", NotificationType.SLACK),
            target("release-mail", NotificationType.EMAIL),
            target("ops-desk", NotificationType.TICKET),
            target("audit-hook", NotificationType.WEBHOOK));

    private DemoNotifications() {}

    private static NotificationSpec target(String name, NotificationType type) {
        return new NotificationSpec(
                name,
                type,
                "URL",
                List.of(NotificationEvent.values()),
                NotificationSeverity.defaultsFor(type),
                List.of(),
                "SECRET",
                List.of("oncall@example.com"),
                null,
                "{}");
    }

    /** One line per event that tells someone: its title and the targets it would reach. */
    public static void print(PrintWriter out, ReleaseStore store, List<UUID> releases) {
        NotificationComposer composer = new NotificationComposer(null);
        NotificationRouter router = new NotificationRouter(EXAMPLE);
        for (OutboxEntry entry : store.outbox().read(OutboxQuery.all(100_000))) {
            ReleaseEvent event = entry.event();
            if (!releases.contains(event.releaseId())) {
                continue;
            }
            List<ReleaseStep> history = new ArrayList<>();
            for (ReleaseStep step : store.steps(event.releaseId())) {
                if (!step.recordedAt().isAfter(event.time())) {
                    history.add(step);
                }
            }
            Optional<Notification> notification = composer.compose(event, history);
            if (notification.isPresent()) {
                out.println("  " + notification.get().title() + "  →  "
                        + String.join(", ", router.route(notification.get())));
            }
        }
        out.flush();
    }
}
