package io.releasepilot.core.events.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.events.EventSubscriber;
import io.releasepilot.core.events.EventSubscriberContractTest;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.testing.OwnNatsServer;
import io.releasepilot.core.testing.OwnPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscriber contract against a real nats-server with JetStream, a fresh one (empty stream) per test. */
class NatsEventSubscriberIT extends EventSubscriberContractTest {
    /** A port nothing listens on (free when the test class was built). */
    private final String nowhere = "nats://127.0.0.1:" + OwnPostgres.freePort();

    private OwnNatsServer nats;
    private NatsEventPublisher publisher;

    @BeforeEach
    void start() {
        nats = OwnNatsServer.start();
        publisher = new NatsEventPublisher(NatsConfig.of(nats.url()));
    }

    @AfterEach
    void stop() {
        publisher.close();
        nats.close();
    }

    @Override
    protected EventSubscriber subscriber(String durableName) {
        return new NatsEventSubscriber(NatsConfig.of(nats.url()), durableName);
    }

    @Override
    protected void publish(ReleaseEvent event) {
        publisher.publish(event);
    }

    @Override
    protected EventSubscriber unreachableSubscriber() {
        return new NatsEventSubscriber(NatsConfig.of(nowhere), "nobody");
    }

    @Override
    protected String unreachableBroker() {
        return nowhere;
    }

    @Test
    void shouldResumeADurableConsumerWhereItStoppedAndRedeliverWhatFailed() {
        List<ReleaseEvent> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ReleaseEvent event = ReleaseEvent.of(
                    EventType.STEP_RECORDED, "api", "prod", UUID.randomUUID(), Instant.EPOCH, Map.of("i", i));
            publisher.publish(event);
            sent.add(event);
        }
        publisher.publish(
                ReleaseEvent.of(EventType.STEP_RECORDED, "other", "prod", UUID.randomUUID(), Instant.EPOCH, Map.of()));
        List<ReleaseEvent> received = new ArrayList<>();
        String filter = EventSubjects.filter("prod", "api");

        try (NatsEventSubscriber first =
                new NatsEventSubscriber(NatsConfig.of(nats.url()), "notifier", filter, Duration.ofSeconds(30))) {
            assertThat(first.poll(2, Duration.ofSeconds(2), received::add)).isEqualTo(2);
            first.poll(1, Duration.ofSeconds(2), event -> {
                throw new IllegalStateException("handler down");
            });
        }
        try (NatsEventSubscriber second =
                new NatsEventSubscriber(NatsConfig.of(nats.url()), "notifier", filter, Duration.ofSeconds(30))) {
            while (second.poll(10, Duration.ofSeconds(2), received::add) > 0) {
                // drain
            }
        }

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void shouldRejectADurableNameNatsCannotHold() {
        assertThatThrownBy(() -> new NatsEventSubscriber(NatsConfig.of(nats.url()), "slack notifier"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("durable consumer name must be 1-64 of [A-Za-z0-9_-], was 'slack notifier'");
    }
}
