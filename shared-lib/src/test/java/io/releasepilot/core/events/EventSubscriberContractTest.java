package io.releasepilot.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventSubscriber} adapter must do against a real broker: hand events to the handler in publish
 * order and faithfully, at most {@code max} per poll; return 0 on an empty stream; remember per durable name what was
 * acknowledged (a restarted subscriber continues, another name starts from the beginning); redeliver an event whose
 * handler threw; and report an unreachable broker as an {@link EventPublishException} naming it. Each test needs an
 * empty broker of its own. Public because adapters extend it via the test-jar.
 */
public abstract class EventSubscriberContractTest {
    /** Long enough for a real broker on loopback under load; an empty poll waits this long. */
    protected static final Duration WAIT = Duration.ofSeconds(2);

    /** A durable subscriber to every release event of this test's broker. */
    protected abstract EventSubscriber subscriber(String durableName);

    /** Publishes through the adapter's real publisher and returns once the broker stored the event. */
    protected abstract void publish(ReleaseEvent event);

    /** A subscriber configured for a broker that is not running. */
    protected abstract EventSubscriber unreachableSubscriber();

    /** Text the unreachable broker's error must contain (its address). */
    protected abstract String unreachableBroker();

    private List<ReleaseEvent> publishFive() {
        List<ReleaseEvent> sent = new ArrayList<>();
        UUID release = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            ReleaseEvent event = ReleaseEvent.of(
                    EventType.STEP_RECORDED,
                    "api",
                    "prod",
                    release,
                    Instant.parse("2026-01-02T03:04:05Z").plus(i, ChronoUnit.SECONDS),
                    Map.of("step", i, "weights", List.of(100 - 10 * i, 10 * i)));
            publish(event);
            sent.add(event);
        }
        return sent;
    }

    /** Polls until a poll hands over nothing more. */
    private static List<ReleaseEvent> drain(EventSubscriber subscriber) {
        List<ReleaseEvent> received = new ArrayList<>();
        while (subscriber.poll(10, WAIT, received::add) > 0) {
            // until the stream has nothing left for this consumer
        }
        return received;
    }

    @Test
    void shouldHandEveryEventOverInPublishOrderAndFaithfully() {
        List<ReleaseEvent> sent = publishFive();

        try (EventSubscriber subscriber = subscriber("contract-order")) {
            assertThat(drain(subscriber)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void shouldHandOverAtMostMaxEventsPerPoll() {
        List<ReleaseEvent> sent = publishFive();
        List<ReleaseEvent> received = new ArrayList<>();

        try (EventSubscriber subscriber = subscriber("contract-max")) {
            int first = subscriber.poll(2, WAIT, received::add);

            assertThat(first).isEqualTo(2);
            assertThat(received).containsExactlyElementsOf(sent.subList(0, 2));
        }
    }

    @Test
    void shouldReturnZeroWhenThereIsNothingToHandle() {
        List<ReleaseEvent> received = new ArrayList<>();

        try (EventSubscriber subscriber = subscriber("contract-empty")) {
            assertThat(subscriber.poll(5, WAIT, received::add)).isZero();
        }
        assertThat(received).isEmpty();
    }

    @Test
    void shouldContinueWhereTheSameDurableNameStopped() {
        List<ReleaseEvent> sent = publishFive();
        List<ReleaseEvent> received = new ArrayList<>();

        try (EventSubscriber first = subscriber("contract-resume")) {
            assertThat(first.poll(3, WAIT, received::add)).isEqualTo(3);
        }
        try (EventSubscriber restarted = subscriber("contract-resume")) {
            received.addAll(drain(restarted));
        }

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldGiveAnotherDurableNameEveryEventFromTheStart() {
        List<ReleaseEvent> sent = publishFive();

        try (EventSubscriber audit = subscriber("contract-audit");
                EventSubscriber notifier = subscriber("contract-notifier")) {
            assertThat(drain(audit)).containsExactlyElementsOf(sent);
            assertThat(drain(notifier)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void shouldRedeliverAnEventWhoseHandlerThrew() {
        List<ReleaseEvent> sent = publishFive();
        List<ReleaseEvent> received = new ArrayList<>();

        try (EventSubscriber first = subscriber("contract-redeliver")) {
            assertThat(first.poll(2, WAIT, received::add)).isEqualTo(2);
            int accepted = first.poll(1, WAIT, event -> {
                throw new IllegalStateException("handler down");
            });
            assertThat(accepted).isZero();
        }
        try (EventSubscriber restarted = subscriber("contract-redeliver")) {
            received.addAll(drain(restarted));
        }

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldReportAnUnreachableBrokerByName() {
        try (EventSubscriber subscriber = unreachableSubscriber()) {
            assertThatThrownBy(() -> subscriber.poll(1, WAIT, event -> {}))
                    .isInstanceOf(EventPublishException.class)
                    .hasMessageContaining(unreachableBroker());
        }
    }
}
