package io.releasepilot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import io.releasepilot.core.spec.NotificationSpec;
import io.releasepilot.core.spec.NotificationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The brief's tiers with the default routing: critical → PagerDuty + Slack + email; high → Slack + email; medium → Slack. */
class NotificationRouterTest {

    private static NotificationSpec target(String name, NotificationType type, List<String> environments) {
        return new NotificationSpec(
                name,
                type,
                "URL",
                List.of(NotificationEvent.values()),
                NotificationSeverity.defaultsFor(type),
                environments,
                "SECRET",
                List.of("oncall@example.com"),
                null,
                "{}");
    }

    private static final NotificationRouter ROUTER = new NotificationRouter(List.of(
            target("page", NotificationType.PAGERDUTY, List.of()),
            target("chat", NotificationType.SLACK, List.of()),
            target("mail", NotificationType.EMAIL, List.of()),
            target("prod-only-chat", NotificationType.SLACK, List.of("staging"))));

    @Test
    void shouldRouteEachTierAsTheBriefSays() {
        assertThat(ROUTER.route(SampleNotifications.of(
                        EventType.RELEASE_ROLLED_BACK,
                        NotificationEvent.ROLLBACK,
                        NotificationSeverity.CRITICAL,
                        true)))
                .containsExactly("page", "chat", "mail");
        assertThat(ROUTER.route(SampleNotifications.of(
                        EventType.STEP_RECORDED, NotificationEvent.GATE_FAILED, NotificationSeverity.HIGH, false)))
                .containsExactly("chat", "mail");
        assertThat(ROUTER.route(SampleNotifications.of(
                        EventType.STEP_RECORDED, NotificationEvent.WARNING, NotificationSeverity.MEDIUM, false)))
                .containsExactly("chat");
        assertThat(ROUTER.route(SampleNotifications.of(
                        EventType.RELEASE_STARTED, NotificationEvent.STARTED, NotificationSeverity.INFO, false)))
                .isEmpty();
    }

    @Test
    void shouldSendEveryFinishedReleaseToPagerDutyForItsChangeEvent() {
        assertThat(ROUTER.route(SampleNotifications.succeeded())).containsExactly("page", "chat");
    }

    @Test
    void shouldFilterByEventTypeAndEnvironment() {
        NotificationRouter onlyRollbacks = new NotificationRouter(List.of(new NotificationSpec(
                "chat",
                NotificationType.SLACK,
                "URL",
                List.of(NotificationEvent.ROLLBACK),
                NotificationSeverity.defaultsFor(NotificationType.SLACK),
                List.of("prod"),
                null,
                List.of(),
                null,
                null)));

        assertThat(onlyRollbacks.route(SampleNotifications.rollback())).containsExactly("chat");
        assertThat(onlyRollbacks.route(SampleNotifications.succeeded())).isEmpty();
    }
}
