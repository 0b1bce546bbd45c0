package io.releasepilot.core.notify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.ProviderDouble;
import io.releasepilot.core.notify.postgres.PostgresDeliveryLog;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.ChildJvm;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The notifier killed with kill -9 (SIGKILL) in the middle of a batch, in its own JVM, then started again: every
 * notification arrives, and none is lost. The one delivery in flight at the kill (sent, its row not yet committed) is
 * sent again with the same delivery key (the CloudEvents id), so a receiver that keeps the ids it saw takes each
 * notification exactly once; the test counts what such a receiver keeps and how many raw resends there were.
 */
class NotifierCrashIT {

    @Test
    void shouldDeliverEveryNotificationAfterAKillNineMidBatch() throws Exception {
        String schema = LedgerDatabases.uniqueSchema();
        String url = TestServices.get("RP_PG_URL");
        String user = TestServices.get("RP_PG_USER");
        StateStoreConfig config = StateStoreConfig.server(url, user, null).withSchema(schema);
        String service = "svc-" + UUID.randomUUID();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config);
                ProviderDouble receiver = ProviderDouble.acceptingAll(0)) {
            receiver.delay(150);
            NotifierFixture.rolledBack(store, service, 20); // started, 20 warnings, rolled back: 22 notifications
            String[] args = {url, user, schema, service, receiver.url("/hook").toString()};

            Process first = ChildJvm.start(NotifierChild.class, Map.of(), args);
            waitFor(() -> receiver.requests().size() >= 6, Duration.ofSeconds(60));
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback sent by the JVM
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            int beforeKill = receiver.requests().size();

            PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
            assertThat(log.list(false, 100).stream()
                            .filter(d -> d.state().name().equals("PENDING")))
                    .as("the kill left deliveries to do")
                    .isNotEmpty();

            Process second = ChildJvm.start(NotifierChild.class, Map.of(), args);
            try {
                waitFor(
                        () -> log.list(false, 100).stream()
                                .allMatch(d -> d.state().name().equals("DELIVERED")),
                        Duration.ofSeconds(60));
            } finally {
                second.destroyForcibly();
                second.waitFor(10, TimeUnit.SECONDS);
            }

            List<String> expected =
                    log.list(false, 100).stream().map(Delivery::dedupKey).toList();
            Map<String, Integer> ids = NotifierFixture.idsReceived(receiver);
            assertThat(expected).hasSize(22);
            assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            long resent = ids.values().stream().filter(times -> times > 1).count();
            assertThat(resent)
                    .as(
                            "only the delivery in flight at the kill may be sent again (same id); %d requests before it",
                            beforeKill)
                    .isLessThanOrEqualTo(1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
