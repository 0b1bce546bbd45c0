package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.OutboxContractTest;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.testing.LedgerDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox contract on a real Postgres: a fresh schema per test, rows inserted as the ledger inserts them. */
class PostgresOutboxIT extends OutboxContractTest {
    private final List<PostgresReleaseStore> opened = new ArrayList<>();
    private StateStoreConfig config;

    @AfterEach
    void closeStores() {
        opened.forEach(PostgresReleaseStore::close);
    }

    @Override
    protected Outbox emptyOutbox() {
        config = LedgerDatabases.freshSchema();
        PostgresReleaseStore store = PostgresReleaseStore.open(config);
        opened.add(store);
        return store.outbox();
    }

    @Override
    protected void append(ReleaseEvent event) {
        try (Connection connection = DriverManager.getConnection(
                        Objects.requireNonNull(config.jdbcUrl()), config.user(), config.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + config.schema());
            connection.setAutoCommit(false);
            PostgresOutbox.insert(
                    connection,
                    event,
                    String.valueOf(event.data().get("service")),
                    String.valueOf(event.data().get("environment")),
                    Instant.now());
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the outbox: " + e.getMessage(), e);
        }
    }

    @Test
    void shouldRefuseToMarkABatchTwice() {
        Outbox outbox = emptyOutbox();
        append(ReleaseEvent.of(
                EventType.RELEASE_STARTED,
                "api",
                "prod",
                UUID.randomUUID(),
                Instant.parse("2026-01-02T03:04:05Z"),
                Map.of()));

        try (Outbox.RelayBatch batch = outbox.claim(10)) {
            List<OutboxEntry> entries = batch.entries();
            batch.markSent(entries);

            assertThatThrownBy(() -> batch.markSent(entries))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already marked or closed");
        }
        assertThat(outbox.unsentCount()).isZero();
    }
}
