package io.releasepilot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryLog} must do: one delivery per dedup key however often it is enqueued, the consumer's
 * position moved with the deliveries, due deliveries attempted once each and their results kept, a dead one made due
 * again by retry. Public because adapters extend it via the test-jar.
 */
public abstract class DeliveryLogContractTest {

    protected abstract DeliveryLog log();

    private static Notification notification(String service) {
        Notification sample = SampleNotifications.rollback();
        return new Notification(
                UUID.randomUUID(),
                sample.eventType(),
                sample.category(),
                sample.severity(),
                sample.finished(),
                sample.releaseId(),
                service,
                sample.environment(),
                Instant.now().minusSeconds(1),
                sample.title(),
                sample.explanation(),
                sample.facts(),
                sample.links());
    }

    @Test
    void shouldKeepOneDeliveryPerEventAndChannel() {
        String service = "svc-" + UUID.randomUUID();
        Notification notification = notification(service);
        List<Delivery> deliveries =
                List.of(Delivery.pending(notification, "chat"), Delivery.pending(notification, "mail"));

        int first = log().enqueue(deliveries, "c-" + service, 7);
        int again = log().enqueue(deliveries, "c-" + service, 7);

        assertThat(first).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(log().position("c-" + service)).isEqualTo(7);
        assertThat(log().position("nobody-" + service)).isZero();
    }

    @Test
    void shouldAttemptEachDueDeliveryOnceAndKeepTheResult() {
        String service = "svc-" + UUID.randomUUID();
        Notification notification = notification(service);
        log().enqueue(List.of(Delivery.pending(notification, "chat")), "c-" + service, -1);
        Instant now = Instant.now();

        int attempted = log().attemptDue(
                        service,
                        now,
                        10,
                        delivery -> new DeliveryLog.AttemptResult(DeliveryState.DEAD, now, "400 invalid_blocks"));
        int again = log().attemptDue(service, now, 10, delivery -> {
            throw new AssertionError("a dead delivery is not attempted");
        });

        assertThat(attempted).isOne();
        assertThat(again).isZero();
        Delivery dead = log().list(true, 1000).stream()
                .filter(d -> d.notification().service().equals(service))
                .findFirst()
                .orElseThrow();
        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.attempts()).isOne();
        assertThat(dead.lastError()).isEqualTo("400 invalid_blocks");

        assertThat(log().retry(dead.id(), now)).isTrue();
        log().attemptDue(
                        service,
                        now,
                        10,
                        delivery -> new DeliveryLog.AttemptResult(DeliveryState.DELIVERED, now, "ok"));

        Delivery delivered = log().find(dead.id()).orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(delivered.lastError()).isNull();
        assertThat(log().retry(dead.id(), now))
                .as("a delivered one stays delivered")
                .isFalse();
    }

    @Test
    void shouldLeaveDeliveriesNotYetDueAndOtherServicesAlone() {
        String service = "svc-" + UUID.randomUUID();
        Notification notification = notification(service);
        log().enqueue(List.of(Delivery.pending(notification, "chat")), "c-" + service, -1);

        int otherService = log().attemptDue("other-" + service, Instant.now(), 10, delivery -> {
            throw new AssertionError("another service's delivery");
        });
        int early = log().attemptDue(service, notification.time().minusSeconds(60), 10, delivery -> {
            throw new AssertionError("not due yet");
        });

        assertThat(otherService).isZero();
        assertThat(early).isZero();
    }
}
