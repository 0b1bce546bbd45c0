package io.releasepilot.core.events.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.testing.OwnNatsServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NatsEventSubscriberIT {

    @Test
    void shouldResumeADurableConsumerWhereItStoppedAndRedeliverWhatFailed() {
        try (OwnNatsServer nats = OwnNatsServer.start();
                NatsEventPublisher publisher = new NatsEventPublisher(NatsConfig.of(nats.url()))) {
            List<ReleaseEvent> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ReleaseEvent event = ReleaseEvent.of(
                        EventType.STEP_RECORDED, "api", "prod", UUID.randomUUID(), Instant.EPOCH, Map.of("i", i));
                publisher.publish(event);
                sent.add(event);
            }
            publisher.publish(ReleaseEvent.of(
                    EventType.STEP_RECORDED, "other", "prod", UUID.randomUUID(), Instant.EPOCH, Map.of()));
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
    }
}
