package io.releasepilot.core.state.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.releasepilot.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** JDBC plumbing shared by the Postgres adapters: transactions, parameters, and turning SQLExceptions into messages. */
final class Sql {
    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work inside one transaction that returns nothing. */
    @FunctionalInterface
    interface Statements {
        void run(Connection connection) throws SQLException;
    }

    /**
     * A server restart kills every pooled connection, and a connection handed out while the pool evicts may still be
     * one of them: a few fresh attempts are needed before a dead connection can be told from a dead server.
     */
    private static final int RETRIES_ON_DEAD_CONNECTION = 4;

    private final DataSource dataSource;
    private final String where;

    Sql(DataSource dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when anything is thrown. A pooled
     * connection that turns out dead before the commit (the server restarted while we were idle) is retried on a fresh
     * connection: nothing of the failed attempt was committed, so the work takes effect exactly once.
     */
    <T> T transaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(work);
            } catch (SQLException e) {
                if (e instanceof CommitFailed failed) {
                    throw failure(what, failed.commitError);
                }
                if (!brokenConnection(e)) {
                    throw failure(what, e);
                }
                evictIdleConnections();
                if (attempt == RETRIES_ON_DEAD_CONNECTION) {
                    throw failure(what, e);
                }
            }
        }
    }

    /** {@link #transaction(String, Work)} for work that returns nothing. */
    void inTransaction(String what, Statements work) {
        transaction(what, connection -> {
            work.run(connection);
            return Boolean.TRUE;
        });
    }

    /**
     * Runs one idempotent statement in autocommit mode (one round trip, atomic by itself). Since running it twice has
     * the effect of running it once, a broken connection is retried whatever the moment it broke.
     */
    <T> T idempotentStatement(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return autocommit(work);
            } catch (SQLException e) {
                if (!brokenConnection(e)) {
                    throw failure(what, e);
                }
                evictIdleConnections();
                if (attempt == RETRIES_ON_DEAD_CONNECTION) {
                    throw failure(what, e);
                }
            }
        }
    }

    /** One dead connection means the server went away: its idle siblings are dead too, so none is handed out again. */
    private void evictIdleConnections() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private <T> T autocommit(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw new CommitFailed(e);
            }
            return result;
        }
    }

    /** A failed commit: its outcome is unknown, so it is never retried. */
    private static final class CommitFailed extends SQLException {
        private static final long serialVersionUID = 1L;

        private final SQLException commitError;

        CommitFailed(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.commitError = cause;
        }
    }

    private static boolean brokenConnection(SQLException e) {
        String state = e.getSQLState();
        return !(e instanceof SQLTransientConnectionException)
                && state != null
                && (state.startsWith("08") || state.equals("57P01"));
    }

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; Postgres rolls the transaction back when the session ends.
        }
    }

    StateStoreException failure(String what, SQLException e) {
        String state = e.getSQLState();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getMessage() + (root != e ? " (" + root.getMessage() + ")" : "");
        if (e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")))) {
            return new StateStoreException(
                    "Postgres (" + where + ") is unreachable; could not " + what + ": " + detail
                            + ". Check RP_DATABASE_URL and that the server is running.",
                    e);
        }
        if ("57014".equals(state)) {
            return new StateStoreException(
                    "Postgres (" + where + ") timed out trying to " + what + " (RP_DATABASE_STATEMENT_TIMEOUT_MS): "
                            + detail,
                    e);
        }
        return new StateStoreException(
                "Postgres (" + where + ") failed to " + what + ": " + detail + " (SQLState " + state + ")", e);
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable UUID uuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    static void setUuid(PreparedStatement statement, int index, @Nullable UUID uuid) throws SQLException {
        if (uuid == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, uuid);
        }
    }

    static void setInteger(PreparedStatement statement, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static @Nullable Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}
