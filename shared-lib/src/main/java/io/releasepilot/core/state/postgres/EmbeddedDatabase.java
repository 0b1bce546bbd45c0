package io.releasepilot.core.state.postgres;

import io.releasepilot.core.state.StateStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The zero-setup ledger: a Postgres started from bundled binaries with its data kept in a local directory (default
 * {@code .release-pilot/}), reused on the next run. Only one process can use a data directory at a time.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static EmbeddedDatabase start(Path directory) {
        Path data = directory.toAbsolutePath().resolve("pgdata");
        try {
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException | RuntimeException e) {
            throw new StateStoreException(
                    "cannot start the embedded Postgres in " + data + " (is another release-pilot using it? set"
                            + " RP_DATABASE_URL to use a server): " + e.getMessage(),
                    e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StateStoreException(
                    "cannot stop the embedded Postgres in " + directory + ": " + e.getMessage(), e);
        }
    }
}
