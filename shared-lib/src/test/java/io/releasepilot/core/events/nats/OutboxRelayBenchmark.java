package io.releasepilot.core.events.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.testing.OwnNatsServer;
import io.releasepilot.core.traffic.TrafficSplit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * bench/benchmarks/outbox-relay: events relayed per second (outbox → JetStream with ack → marked sent), against raw
 * jnats synchronous JetStream publishes with a Nats-Msg-Id of the same payloads on the same server. Prints "VALUE
 * BASELINE" as its last line. Args: number of events.
 */
final class OutboxRelayBenchmark {
    private OutboxRelayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (OwnNatsServer nats = OwnNatsServer.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(LedgerDatabases.freshSchema())) {
            fill(store, 500);
            try (NatsEventPublisher publisher = new NatsEventPublisher(NatsConfig.of(nats.url()));
                    OutboxRelay relay = new OutboxRelay(store.outbox(), publisher)) {
                relay.drain(Duration.ofMinutes(1)); // warm-up: connection, stream, JIT
                fill(store, events);
                List<byte[]> payloads = store.outbox().read(OutboxQuery.all(events + 1_000)).stream()
                        .map(OutboxEntry::payload)
                        .map(payload -> payload.getBytes(StandardCharsets.UTF_8))
                        .toList();
                long start = System.nanoTime();
                if (!relay.drain(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("relay did not drain");
                }
                double relayed = events / ((System.nanoTime() - start) / 1e9);

                double raw = rawPublish(nats.url(), payloads.subList(0, 500), 500); // warm-up
                raw = rawPublish(nats.url(), payloads.subList(payloads.size() - events, payloads.size()), events);
                System.out.printf(
                        "relayed events/s %.0f, raw JetStream publish+ack/s %.0f (%d events)%n", relayed, raw, events);
                System.out.printf("%.1f %.1f%n", relayed, raw);
            }
        }
    }

    private static void fill(PostgresReleaseStore store, int count) {
        Release release = store.start(
                ReleaseRequest.of("bench-" + UUID.randomUUID(), "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("b")),
                StartOptions.failFast());
        for (int i = 0; i < count; i++) {
            store.recordStep(release.id(), LedgerSteps.traffic(i % 100, TrafficSplit.canary(i % 100)));
        }
    }

    private static double rawPublish(String url, List<byte[]> payloads, int count) throws Exception {
        try (Connection connection = Nats.connect(url)) {
            try {
                connection
                        .jetStreamManagement()
                        .addStream(StreamConfiguration.builder()
                                .name("BASELINE")
                                .subjects("baseline.>")
                                .storageType(StorageType.File)
                                .duplicateWindow(Duration.ofHours(1))
                                .build());
            } catch (io.nats.client.JetStreamApiException alreadyThere) {
                // second call: the stream exists
            }
            JetStream jetStream = connection.jetStream();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                jetStream.publish(
                        "baseline.prod.bench.step-recorded",
                        payloads.get(i % payloads.size()),
                        PublishOptions.builder()
                                .messageId(UUID.randomUUID().toString())
                                .build());
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
