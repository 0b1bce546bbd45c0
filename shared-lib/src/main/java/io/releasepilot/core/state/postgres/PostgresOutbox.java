package io.releasepilot.core.state.postgres;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.ReleaseEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outbox table. Relays serialise on a transaction-scoped advisory lock, so rows leave in sequence order and a
 * crashed relay's claim ends with its session.
 */
public final class PostgresOutbox implements Outbox {
    /** Advisory lock key of the relay claim ("RP_RELAY"). */
    static final long RELAY_LOCK = 0x52505f52454c4159L;

    private static final String COLUMNS =
            "sequence, event_id, service, environment, subject, type, payload, created_at, sent_at";

    private final Sql sql;
    private final Clock clock;

    PostgresOutbox(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Inserts an event into the outbox inside the caller's transaction. */
    static void insert(Connection connection, ReleaseEvent event, String service, String environment, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (event_id, service, environment, subject, type, payload, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::json, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, service);
            insert.setString(3, environment);
            insert.setString(4, event.subject());
            insert.setString(5, event.type().name());
            insert.setString(6, event.toJson());
            Sql.setInstant(insert, 7, at);
            insert.executeUpdate();
        }
    }

    @Override
    public RelayBatch claim(int limit) {
        Connection connection = null;
        try {
            connection = sql.dataSource().getConnection();
            connection.setAutoCommit(false);
            boolean locked;
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet rows = lock.executeQuery()) {
                    rows.next();
                    locked = rows.getBoolean(1);
                }
            }
            List<OutboxEntry> entries = new ArrayList<>();
            if (locked) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM outbox WHERE sent_at IS NULL ORDER BY sequence LIMIT ?")) {
                    select.setInt(1, limit);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            entries.add(entry(rows));
                        }
                    }
                }
            }
            return new PostgresRelayBatch(connection, List.copyOf(entries));
        } catch (SQLException e) {
            if (connection != null) {
                Sql.rollbackQuietly(connection);
                closeQuietly(connection);
            }
            throw sql.failure("claim outbox rows", e);
        }
    }

    @Override
    public List<OutboxEntry> read(OutboxQuery query) {
        return sql.transaction("read the outbox", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox"
                    + " WHERE (?::text IS NULL OR service = ?) AND (?::text IS NULL OR environment = ?)"
                    + " AND (?::timestamptz IS NULL OR created_at >= ?) AND sequence > ?"
                    + " ORDER BY sequence LIMIT ?")) {
                select.setString(1, query.service());
                select.setString(2, query.service());
                select.setString(3, query.environment());
                select.setString(4, query.environment());
                Sql.setInstant(select, 5, query.since());
                Sql.setInstant(select, 6, query.since());
                select.setLong(7, query.afterSequence());
                select.setInt(8, query.limit());
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entry(rows));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public long unsentCount() {
        return sql.transaction("count unsent outbox rows", connection -> {
            try (PreparedStatement count =
                            connection.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static OutboxEntry entry(ResultSet rows) throws SQLException {
        return new OutboxEntry(
                rows.getLong("sequence"),
                Objects.requireNonNull(Sql.uuid(rows, "event_id")),
                rows.getString("service"),
                rows.getString("environment"),
                rows.getString("subject"),
                EventType.valueOf(rows.getString("type")),
                rows.getString("payload"),
                Objects.requireNonNull(Sql.instant(rows, "created_at")),
                Sql.instant(rows, "sent_at"));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Returning a broken connection to the pool; the pool discards it.
        }
    }

    private final class PostgresRelayBatch implements RelayBatch {
        private final Connection connection;
        private final List<OutboxEntry> entries;
        private boolean done;

        PostgresRelayBatch(Connection connection, List<OutboxEntry> entries) {
            this.connection = connection;
            this.entries = entries;
        }

        @Override
        public List<OutboxEntry> entries() {
            return entries;
        }

        @Override
        public void markSent(List<OutboxEntry> acknowledged) {
            if (done) {
                throw new IllegalStateException("this outbox batch was already marked or closed");
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE outbox SET sent_at = ? WHERE sequence = ANY (?)")) {
                Sql.setInstant(update, 1, clock.instant().truncatedTo(ChronoUnit.MICROS));
                Array sequences = connection.createArrayOf(
                        "bigint",
                        acknowledged.stream().map(OutboxEntry::sequence).toArray(Long[]::new));
                update.setArray(2, sequences);
                update.executeUpdate();
                connection.commit();
                done = true;
            } catch (SQLException e) {
                throw sql.failure("mark " + acknowledged.size() + " outbox rows sent", e);
            }
        }

        @Override
        public void close() {
            try {
                if (!done) {
                    connection.commit(); // nothing written; ends the transaction and its advisory lock
                }
            } catch (SQLException e) {
                Sql.rollbackQuietly(connection);
            } finally {
                done = true;
                closeQuietly(connection);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresOutbox";
    }
}
