package io.releasepilot.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventPublisher} adapter must do: store an acknowledged event faithfully, and store an event that
 * is published again (same id, as the relay does after a crash) only once. Public because adapters extend it via the
 * test-jar.
 */
public abstract class EventPublisherContractTest {

    protected abstract EventPublisher publisher();

    /** Every event the broker stored for this service, in order. */
    protected abstract List<ReleaseEvent> stored(String service);

    private static ReleaseEvent event(String service) {
        return ReleaseEvent.of(
                EventType.RELEASE_STARTED,
                service,
                "prod.eu *",
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Map.of("version", "1.2.3", "weights", List.of(95, 5)));
    }

    @Test
    void shouldStoreAnAcknowledgedEventFaithfully() {
        String service = "svc-" + UUID.randomUUID();
        ReleaseEvent event = event(service);

        publisher().publish(event);

        assertThat(stored(service)).containsExactly(event);
    }

    @Test
    void shouldStoreARepublishedEventOnlyOnce() {
        String service = "svc-" + UUID.randomUUID();
        ReleaseEvent first = event(service);
        ReleaseEvent second = event(service);

        publisher().publish(first);
        publisher().publish(first);
        publisher().publish(second);
        publisher().publish(first);

        assertThat(stored(service)).containsExactly(first, second);
    }
}
