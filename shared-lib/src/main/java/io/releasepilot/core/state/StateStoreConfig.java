package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the ledger lives. With a JDBC URL, that server; without one, an embedded Postgres whose data stays in {@code
 * dataDirectory} across runs (so a first try needs no server).
 *
 * <p>Environment variables ({@link #fromEnvironment}): {@code RP_DATABASE_URL} (jdbc:postgresql://…), {@code
 * RP_DATABASE_USER}, {@code RP_DATABASE_PASSWORD} or {@code RP_DATABASE_PASSWORD_FILE}, {@code RP_DATABASE_SCHEMA}
 * (default: the user's search path, normally {@code public}), {@code RP_STATE_DIR} (embedded data, default {@code
 * .release-pilot}), {@code RP_DATABASE_CONNECT_TIMEOUT_MS} (default 5000), {@code RP_DATABASE_STATEMENT_TIMEOUT_MS}
 * (default 15000), {@code RP_DATABASE_POOL_SIZE} (default 4).
 *
 * @param jdbcUrl server URL, or null for the embedded database
 * @param user database user
 * @param password database password (never printed)
 * @param schema schema for the tables, created if missing; null for the default
 * @param dataDirectory embedded database directory
 * @param connectTimeout how long to wait for a connection
 * @param statementTimeout longest statement (lock waits included)
 * @param poolSize most connections
 */
public record StateStoreConfig(
        @Nullable String jdbcUrl,
        @Nullable String user,
        @Nullable String password,
        @Nullable String schema,
        Path dataDirectory,
        Duration connectTimeout,
        Duration statementTimeout,
        int poolSize) {

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".release-pilot");

    public StateStoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException(
                    "RP_DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was '"
                            + redact(jdbcUrl) + "'");
        }
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new InvalidInputException(
                    "RP_DATABASE_SCHEMA must be a lower-case SQL identifier (a-z, 0-9, _), was '" + schema + "'");
        }
        if (connectTimeout.toMillis() < 250 || statementTimeout.toMillis() < 250) {
            throw new InvalidInputException("database timeouts must be at least 250 ms");
        }
        if (poolSize < 2 || poolSize > 100) {
            throw new InvalidInputException("RP_DATABASE_POOL_SIZE must be 2..100, was " + poolSize);
        }
    }

    /** A server at {@code jdbcUrl} with default timeouts. */
    public static StateStoreConfig server(String jdbcUrl, @Nullable String user, @Nullable String password) {
        return new StateStoreConfig(
                jdbcUrl,
                user,
                password,
                null,
                DEFAULT_DATA_DIRECTORY,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                4);
    }

    /** An embedded database in {@code dataDirectory}. */
    public static StateStoreConfig embedded(Path dataDirectory) {
        return new StateStoreConfig(
                null, null, null, null, dataDirectory, Duration.ofSeconds(5), Duration.ofSeconds(15), 4);
    }

    public StateStoreConfig withSchema(@Nullable String schema) {
        return new StateStoreConfig(
                jdbcUrl, user, password, schema, dataDirectory, connectTimeout, statementTimeout, poolSize);
    }

    public StateStoreConfig withTimeouts(Duration connect, Duration statement) {
        return new StateStoreConfig(jdbcUrl, user, password, schema, dataDirectory, connect, statement, poolSize);
    }

    public StateStoreConfig withPoolSize(int size) {
        return new StateStoreConfig(
                jdbcUrl, user, password, schema, dataDirectory, connectTimeout, statementTimeout, size);
    }

    public boolean embedded() {
        return jdbcUrl == null;
    }

    /** Reads the variables listed above from {@code env} (the process environment, parsed once by the caller). */
    public static StateStoreConfig fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get("RP_DATABASE_URL"));
        String password = blankToNull(env.get("RP_DATABASE_PASSWORD"));
        String passwordFile = blankToNull(env.get("RP_DATABASE_PASSWORD_FILE"));
        if (password != null && passwordFile != null) {
            throw new InvalidInputException("set RP_DATABASE_PASSWORD or RP_DATABASE_PASSWORD_FILE, not both");
        }
        if (passwordFile != null) {
            try {
                password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new InvalidInputException(
                        "cannot read RP_DATABASE_PASSWORD_FILE " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        String dir = blankToNull(env.get("RP_STATE_DIR"));
        return new StateStoreConfig(
                url,
                blankToNull(env.get("RP_DATABASE_USER")),
                password,
                blankToNull(env.get("RP_DATABASE_SCHEMA")),
                dir == null ? DEFAULT_DATA_DIRECTORY : Path.of(dir),
                Duration.ofMillis(number(env, "RP_DATABASE_CONNECT_TIMEOUT_MS", 5_000)),
                Duration.ofMillis(number(env, "RP_DATABASE_STATEMENT_TIMEOUT_MS", 15_000)),
                (int) number(env, "RP_DATABASE_POOL_SIZE", 4));
    }

    /** Where the ledger is, for messages: the URL without credentials, or the embedded directory. */
    public String describe() {
        return jdbcUrl == null ? "embedded Postgres in " + dataDirectory.toAbsolutePath() : redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return "StateStoreConfig[" + describe() + ", user=" + user + ", schema=" + schema + ", connectTimeout="
                + connectTimeout + ", statementTimeout=" + statementTimeout + ", poolSize=" + poolSize + "]";
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number, was '" + value + "'");
        }
    }
}
