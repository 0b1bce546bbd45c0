package io.releasepilot.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} adapter must do: claim unsent rows in sequence order, at most {@code limit}; keep the rows a
 * relay did not mark (a crashed relay loses nothing) and never hand out marked ones again; let only one relay claim at a
 * time; and read rows, sent or not, in order with the query's filters. Each test gets an empty outbox of its own.
 * Public because adapters extend it via the test-jar.
 */
public abstract class OutboxContractTest {

    /** A new, empty outbox. */
    protected abstract Outbox emptyOutbox();

    /** Writes {@code event} into the outbox the way the ledger does, inside its own transaction. */
    protected abstract void append(ReleaseEvent event);

    private static ReleaseEvent event(String service, String environment, int step) {
        return ReleaseEvent.of(
                EventType.STEP_RECORDED,
                service,
                environment,
                UUID.randomUUID(),
                Instant.parse("2026-01-02T03:04:05Z").plus(step, ChronoUnit.SECONDS),
                Map.of("step", step));
    }

    private List<ReleaseEvent> appendFive(String service) {
        List<ReleaseEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ReleaseEvent event = event(service, "prod", i);
            append(event);
            events.add(event);
        }
        return events;
    }

    @Test
    void shouldHaveNothingToClaimWhenEmpty() {
        Outbox outbox = emptyOutbox();

        try (Outbox.RelayBatch batch = outbox.claim(10)) {
            assertThat(batch.entries()).isEmpty();
        }
        assertThat(outbox.unsentCount()).isZero();
        assertThat(outbox.read(OutboxQuery.all(10))).isEmpty();
    }

    @Test
    void shouldClaimUnsentRowsInSequenceOrderUpToTheLimit() {
        Outbox outbox = emptyOutbox();
        List<ReleaseEvent> events = appendFive("api");

        try (Outbox.RelayBatch batch = outbox.claim(3)) {
            assertThat(batch.entries()).extracting(OutboxEntry::event).containsExactlyElementsOf(events.subList(0, 3));
            assertThat(batch.entries())
                    .extracting(OutboxEntry::sequence)
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(batch.entries()).allSatisfy(entry -> {
                assertThat(entry.sent()).isEmpty();
                assertThat(entry.service()).isEqualTo("api");
                assertThat(entry.environment()).isEqualTo("prod");
                assertThat(entry.subject()).isEqualTo(entry.event().subject());
            });
        }
        assertThat(outbox.unsentCount()).isEqualTo(5);
    }

    @Test
    void shouldNeverHandOutMarkedRowsAgain() {
        Outbox outbox = emptyOutbox();
        List<ReleaseEvent> events = appendFive("api");

        try (Outbox.RelayBatch batch = outbox.claim(3)) {
            batch.markSent(batch.entries());
        }

        assertThat(outbox.unsentCount()).isEqualTo(2);
        try (Outbox.RelayBatch next = outbox.claim(10)) {
            assertThat(next.entries()).extracting(OutboxEntry::event).containsExactlyElementsOf(events.subList(3, 5));
        }
        assertThat(outbox.read(OutboxQuery.all(10)))
                .extracting(entry -> entry.sent().isPresent())
                .containsExactly(true, true, true, false, false);
    }

    @Test
    void shouldKeepRowsTheRelayDidNotMark() {
        Outbox outbox = emptyOutbox();
        List<ReleaseEvent> events = appendFive("api");

        try (Outbox.RelayBatch crashed = outbox.claim(10)) {
            assertThat(crashed.entries()).hasSize(5);
        }
        try (Outbox.RelayBatch partly = outbox.claim(10)) {
            assertThat(partly.entries()).extracting(OutboxEntry::event).containsExactlyElementsOf(events);
            partly.markSent(partly.entries().subList(0, 2));
        }

        assertThat(outbox.unsentCount()).isEqualTo(3);
        try (Outbox.RelayBatch rest = outbox.claim(10)) {
            assertThat(rest.entries()).extracting(OutboxEntry::event).containsExactlyElementsOf(events.subList(2, 5));
        }
    }

    @Test
    void shouldLetOnlyOneRelayClaimAtATime() {
        Outbox outbox = emptyOutbox();
        appendFive("api");

        try (Outbox.RelayBatch first = outbox.claim(2)) {
            assertThat(first.entries()).hasSize(2);
            try (Outbox.RelayBatch second = outbox.claim(10)) {
                assertThat(second.entries()).isEmpty();
            }
        }
        try (Outbox.RelayBatch afterwards = outbox.claim(10)) {
            assertThat(afterwards.entries()).hasSize(5);
        }
    }

    @Test
    void shouldReadRowsInOrderWithTheQuerysFilters() {
        Outbox outbox = emptyOutbox();
        ReleaseEvent api1 = event("api", "prod", 1);
        ReleaseEvent web = event("web", "prod", 2);
        ReleaseEvent apiStaging = event("api", "staging", 3);
        ReleaseEvent api2 = event("api", "prod", 4);
        for (ReleaseEvent event : List.of(api1, web, apiStaging, api2)) {
            append(event);
        }

        List<OutboxEntry> all = outbox.read(OutboxQuery.all(100));
        List<OutboxEntry> apiProd = outbox.read(new OutboxQuery("api", "prod", null, 0, 100));
        List<OutboxEntry> afterFirst =
                outbox.read(OutboxQuery.all(100).after(all.get(0).sequence()));
        List<OutboxEntry> two = outbox.read(OutboxQuery.all(2));

        assertThat(all).extracting(OutboxEntry::event).containsExactly(api1, web, apiStaging, api2);
        assertThat(apiProd).extracting(OutboxEntry::event).containsExactly(api1, api2);
        assertThat(afterFirst).extracting(OutboxEntry::event).containsExactly(web, apiStaging, api2);
        assertThat(two).extracting(OutboxEntry::event).containsExactly(api1, web);
        assertThat(outbox.read(new OutboxQuery("nobody", null, null, 0, 100))).isEmpty();
    }
}
