package io.releasepilot.core.state.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StateStoreException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/** Opening the ledger's database: the connection pool and the schema migrations, before the store serves a call. */
final class LedgerDatabase {
    /** Advisory lock key serialising migrations ("RP_MIGRA"). */
    static final long MIGRATION_LOCK = 0x52505f4d49475241L;

    private LedgerDatabase() {}

    static HikariDataSource pool(
            StateStoreConfig config, String url, @Nullable String user, @Nullable String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("release-pilot-state");
        hikari.setJdbcUrl(url);
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(
                Math.max(250, Math.min(config.connectTimeout().toMillis() - 1, 3_000)));
        // Do not connect while building the pool: the first real call reports an unreachable server as a
        // StateStoreException naming the setting to fix.
        hikari.setInitializationFailTimeout(-1);
        hikari.setKeepaliveTime(60_000);
        long connectSeconds = Math.max(1, config.connectTimeout().toSeconds());
        hikari.addDataSourceProperty("connectTimeout", connectSeconds);
        hikari.addDataSourceProperty("loginTimeout", connectSeconds);
        // A socket timeout above the statement timeout catches a server that vanished without closing the socket.
        hikari.addDataSourceProperty("socketTimeout", config.statementTimeout().toSeconds() + connectSeconds + 5);
        hikari.addDataSourceProperty("tcpKeepAlive", true);
        hikari.addDataSourceProperty("ApplicationName", "release-pilot");
        hikari.setConnectionInitSql(
                "SET statement_timeout = " + config.statementTimeout().toMillis()
                        + "; SET idle_in_transaction_session_timeout = "
                        + Math.max(60_000, config.statementTimeout().toMillis() * 4));
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        return new HikariDataSource(hikari);
    }

    /**
     * Runs the migrations under a session advisory lock, so runners starting at once take turns: the first migrates,
     * the others find the schema current. The lock also covers creating the schema, which Postgres cannot do
     * race-free by itself.
     */
    static void migrate(Sql sql, HikariDataSource dataSource, @Nullable String schema) {
        sql.transaction("migrate the ledger schema", connection -> {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
                try {
                    if (schema != null) {
                        // schema is a validated lower-case identifier (StateStoreConfig), safe to inline.
                        statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                    }
                    FluentConfiguration flyway = Flyway.configure()
                            .dataSource(dataSource)
                            .locations("classpath:db/migration")
                            .connectRetries(0);
                    if (schema != null) {
                        flyway = flyway.schemas(schema).defaultSchema(schema);
                    }
                    flyway.load().migrate();
                } catch (FlywayException e) {
                    throw new StateStoreException("cannot migrate the ledger schema: " + e.getMessage(), e);
                } finally {
                    statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
            connection.setAutoCommit(false); // Sql.transaction commits next; nothing is pending
            return null;
        });
    }
}
