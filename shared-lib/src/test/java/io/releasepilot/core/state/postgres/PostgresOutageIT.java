package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StateStoreException;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.testing.OwnPostgres;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Postgres restarts and crashes, on a server of the test's own. */
class PostgresOutageIT {
    private static final Actor CI = Actor.of("ci");
    private static OwnPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = OwnPostgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static StateStoreConfig config() {
        return StateStoreConfig.server(postgres.jdbcUrl(), "postgres", null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void shouldServeTheNextCallAfterARestartWhileIdle() {
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config())) {
            Release release = store.start(
                    ReleaseRequest.of("idle", "prod", "1", ReleaseStrategy.CANARY, CI), StartOptions.failFast());

            postgres.stopServer(false);
            postgres.startServer();

            store.recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.canary(5)));
            assertThat(store.find(release.id()).orElseThrow().weights()).isEqualTo(TrafficSplit.canary(5));
        }
    }

    @Test
    void shouldFailClearlyAndWriteNothingWhenPostgresDiesDuringACall() throws Exception {
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config())) {
            Release release = store.start(
                    ReleaseRequest.of("crash", "prod", "1", ReleaseStrategy.CANARY, CI), StartOptions.failFast());
            Connection blocker = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // pause() updates the release, then blocks on its audit insert: the crash lands mid-transaction.
                statement.execute("LOCK TABLE audit IN EXCLUSIVE MODE");
            }
            CompletableFuture<Object> pause =
                    CompletableFuture.supplyAsync(() -> store.pause(release.id(), CI, "mid-call crash"));
            Thread.sleep(1_000);
            assertThat(pause).isNotDone();
            postgres.stopServer(true);
            blocker.abort(Runnable::run);

            assertThatThrownBy(() -> pause.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining("Postgres (" + postgres.jdbcUrl() + ")")
                    .hasMessageContaining("unreachable");

            assertThatThrownBy(() -> store.find(release.id()))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining("RP_DATABASE_URL");
            postgres.startServer();

            Release after = store.find(release.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(ReleaseState.IN_PROGRESS);
            assertThat(store.auditTrail(release.id()))
                    .extracting(e -> e.action())
                    .containsExactly(AuditAction.START);
            assertThat(store.outbox().read(new OutboxQuery("crash", "prod", null, 0, 100)))
                    .hasSize(1);
        }
    }
}
