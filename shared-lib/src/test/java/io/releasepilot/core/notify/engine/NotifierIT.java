package io.releasepilot.core.notify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.EventSubscriber;
import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.events.nats.NatsConfig;
import io.releasepilot.core.events.nats.NatsEventPublisher;
import io.releasepilot.core.events.nats.NatsEventSubscriber;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryState;
import io.releasepilot.core.notify.ProviderDouble;
import io.releasepilot.core.notify.postgres.PostgresDeliveryLog;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.OwnNatsServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notifier over a real ledger (Postgres): an event becomes one delivery per channel, whatever happens in between —
 * the channel down for the whole release and back, the outbox read twice, NATS down while releases go on.
 */
class NotifierIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void drain(Notifier notifier, PostgresReleaseStore store, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            while (notifier.intake(store.outbox(), 100) > 0) {
                // read the whole outbox first
            }
            notifier.dispatch(100);
            Thread.sleep(50);
        }
    }

    @Test
    void shouldDeliverEveryNotificationOnceWhenTheChannelWasDownForTheWholeRelease() throws Exception {
        PostgresReleaseStore store = LEDGER.store();
        PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
        String service = "svc-" + UUID.randomUUID();
        int port = freePort();
        Notifier notifier = NotifierFixture.notifier(service, store, log, URI.create("http://127.0.0.1:" + port + "/"));

        NotifierFixture.rolledBack(store, service, 3);
        drain(notifier, store, Duration.ofSeconds(1));

        List<Delivery> waiting = log.list(true, 100).stream()
                .filter(d -> d.notification().service().equals(service))
                .toList();
        // started, 3 warnings, rolled back: the analysis and traffic steps tell nobody
        assertThat(waiting).hasSize(5).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(d.attempts()).isPositive();
            assertThat(d.lastError()).contains("127.0.0.1:" + port);
        });

        try (ProviderDouble receiver = ProviderDouble.acceptingAll(port)) {
            drain(notifier, store, Duration.ofSeconds(3));

            Map<String, Integer> ids = NotifierFixture.idsReceived(receiver);
            assertThat(ids)
                    .hasSize(5)
                    .allSatisfy((id, times) -> assertThat(times).isOne());
            assertThat(ids.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            waiting.stream().map(Delivery::dedupKey).toList());
            assertThat(log.list(true, 100))
                    .noneMatch(d -> d.notification().service().equals(service));
        }
    }

    @Test
    void shouldAddNoDeliveryWhenAnEventIsReadAgain() {
        PostgresReleaseStore store = LEDGER.store();
        PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
        String service = "svc-" + UUID.randomUUID();
        Notifier notifier = NotifierFixture.notifier(service, store, log, URI.create("http://127.0.0.1:9/"));
        NotifierFixture.rolledBack(store, service, 1);
        var events = store.outbox().read(io.releasepilot.core.events.OutboxQuery.all(10_000)).stream()
                .filter(e -> e.service().equals(service))
                .toList();

        int first = 0;
        int again = 0;
        for (var entry : events) {
            first += log.enqueue(notifier.deliveries(entry.event()), "test", -1);
        }
        for (var entry : events) {
            again += log.enqueue(notifier.deliveries(entry.event()), "test", -1);
        }

        assertThat(first).isEqualTo(3);
        assertThat(again).isZero();
    }

    @Test
    void shouldDeliverOnceThroughADurableNatsConsumerWhenNatsWasDown() throws Exception {
        PostgresReleaseStore store = LEDGER.store();
        PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
        String service = "svc-" + UUID.randomUUID();
        try (OwnNatsServer nats = OwnNatsServer.start();
                ProviderDouble receiver = ProviderDouble.acceptingAll(0)) {
            Notifier notifier = NotifierFixture.notifier(service, store, log, receiver.url("/"));
            NatsConfig config = NatsConfig.of(nats.url());
            nats.stopServer();

            NotifierFixture.rolledBack(store, service, 2);
            NotifierFixture.rolledBack(store, service, 0);

            nats.startServer();
            try (NatsEventPublisher publisher = new NatsEventPublisher(config);
                    OutboxRelay relay = new OutboxRelay(store.outbox(), publisher);
                    EventSubscriber subscriber = new NatsEventSubscriber(
                            config,
                            "notify-" + service.substring(4, 12),
                            io.releasepilot.core.events.EventSubjects.ALL,
                            Duration.ofSeconds(30))) {
                assertThat(relay.drain(Duration.ofSeconds(20))).isTrue();
                Instant deadline = Instant.now().plusSeconds(15);
                while (Instant.now().isBefore(deadline) && receiver.accepted().size() < 6) {
                    subscriber.poll(100, Duration.ofMillis(200), notifier.handler());
                    notifier.dispatch(100);
                }
                // a second consumer pass and a redelivery add nothing
                subscriber.poll(100, Duration.ofMillis(200), notifier.handler());
                notifier.dispatch(100);
            }

            Map<String, Integer> ids = NotifierFixture.idsReceived(receiver);
            // two releases: started, 2 warnings, rolled back; started, rolled back
            assertThat(ids)
                    .hasSize(6)
                    .allSatisfy((id, times) -> assertThat(times).isOne());
        }
    }

    @Test
    void shouldDeadLetterARejectedDeliveryAndSendItAgainOnRetry() throws Exception {
        PostgresReleaseStore store = LEDGER.store();
        PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
        String service = "svc-" + UUID.randomUUID();
        try (ProviderDouble receiver = ProviderDouble.acceptingAll(0)) {
            receiver.script(new ProviderDouble.Answer(400, Map.of(), "bad request"));
            Notifier notifier = NotifierFixture.notifier(service, store, log, receiver.url("/"));
            io.releasepilot.core.state.Release release = store.start(
                    io.releasepilot.core.state.ReleaseRequest.of(
                            service,
                            "prod",
                            "2.0.0",
                            io.releasepilot.core.release.ReleaseStrategy.CANARY,
                            io.releasepilot.core.state.Actor.of("ci")),
                    io.releasepilot.core.state.StartOptions.failFast());
            drain(notifier, store, Duration.ofMillis(500));

            Delivery dead = log.list(true, 100).stream()
                    .filter(d -> d.notification().releaseId().equals(release.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
            assertThat(dead.attempts()).isOne();
            assertThat(dead.lastError()).contains("400", "bad request");

            assertThat(log.retry(dead.id(), Instant.now())).isTrue();
            drain(notifier, store, Duration.ofMillis(500));

            assertThat(log.find(dead.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(receiver.accepted()).hasSize(1);
        }
    }
}
