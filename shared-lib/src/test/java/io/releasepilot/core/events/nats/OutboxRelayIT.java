package io.releasepilot.core.events.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.ChildJvm;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.testing.OwnNatsServer;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The outbox relay against real Postgres and a nats-server of the test's own that it kills and restarts. */
class OutboxRelayIT {
    private static final Actor CI = new Actor("ci", "https://ci.example/runs/9");

    private static Set<UUID> outboxIds(PostgresReleaseStore store) {
        return store.outbox().read(OutboxQuery.all(100_000)).stream()
                .map(OutboxEntry::eventId)
                .collect(Collectors.toSet());
    }

    private static void assertStreamHoldsEachOnce(String url, Set<UUID> expected) throws Exception {
        List<ReleaseEvent> stored = StreamReader.all(url);
        assertThat(stored).hasSize(expected.size());
        assertThat(stored.stream().map(ReleaseEvent::id).collect(Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(StreamReader.messageCount(url)).isEqualTo(expected.size());
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceWhenTheRelayIsKilledMidBatch() throws Exception {
        StateStoreConfig config = LedgerDatabases.freshSchema();
        try (OwnNatsServer nats = OwnNatsServer.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            for (int i = 0; i < 500; i++) {
                Release release = store.start(
                        ReleaseRequest.of("svc-" + i, "prod", "1.0." + i, ReleaseStrategy.CANARY, CI),
                        StartOptions.failFast());
                store.recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.canary(5)));
                store.recordStep(release.id(), LedgerSteps.traffic(2, TrafficSplit.canary(50)));
                store.finish(release.id(), ReleaseState.SUCCEEDED, CI, null);
            }
            Set<UUID> expected = outboxIds(store);
            assertThat(expected).hasSize(2000);

            Map<String, String> env = new HashMap<>();
            env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
            env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
            env.put("RP_DATABASE_SCHEMA", config.schema());
            env.put("RP_NATS_URL", nats.url());
            Process relay = ChildJvm.start(RelayMain.class, env, "2000"); // one batch: every kill lands inside it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long seen = 0;
            while (System.nanoTime() < deadline && relay.isAlive()) {
                seen = streamCountOrZero(nats.url());
                if (seen >= 200) {
                    break;
                }
                Thread.sleep(5);
            }
            relay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(seen)
                    .as("relay published some events before it was killed")
                    .isBetween(200L, 1999L);
            assertThat(store.outbox().unsentCount())
                    .as("killed before marking its batch")
                    .isEqualTo(2000);

            try (NatsEventPublisher publisher = new NatsEventPublisher(NatsConfig.of(nats.url()));
                    OutboxRelay restarted = new OutboxRelay(store.outbox(), publisher)) {
                assertThat(restarted.drain(Duration.ofSeconds(60))).isTrue();
            }
            assertStreamHoldsEachOnce(nats.url(), expected);
        }
    }

    private static long streamCountOrZero(String url) {
        try {
            return StreamReader.messageCount(url);
        } catch (Exception streamNotCreatedYet) {
            return 0;
        }
    }

    @Test
    void shouldDeliverTheEventsOfAThousandReleasesMadeWhileNatsWasDown() throws Exception {
        try (OwnNatsServer nats = OwnNatsServer.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema());
                NatsEventPublisher publisher = new NatsEventPublisher(new NatsConfig(
                        nats.url(), NatsConfig.DEFAULT_STREAM, Duration.ofSeconds(1), Duration.ofHours(1)));
                OutboxRelay relay = new OutboxRelay(
                        store.outbox(),
                        publisher,
                        new OutboxRelay.Options(
                                256, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(500)))) {
            relay.start();
            Release warmUp = store.start(
                    ReleaseRequest.of("warm", "prod", "0", ReleaseStrategy.DIRECT, CI), StartOptions.failFast());
            store.finish(warmUp.id(), ReleaseState.SUCCEEDED, CI, null);
            waitUntil(() -> store.outbox().unsentCount() == 0);

            nats.stopServer();
            for (int i = 0; i < 1000; i++) {
                Release release = store.start(
                        ReleaseRequest.of("svc-" + (i % 50), "prod", "2.0." + i, ReleaseStrategy.DIRECT, CI),
                        StartOptions.failFast());
                store.finish(release.id(), ReleaseState.SUCCEEDED, CI, null);
            }
            assertThat(store.outbox().unsentCount()).isGreaterThan(1900);
            nats.startServer();

            waitUntil(() -> store.outbox().unsentCount() == 0);
            assertStreamHoldsEachOnce(nats.url(), outboxIds(store));
            assertThat(outboxIds(store)).hasSize(2002);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 90 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
