package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup ledger: embedded Postgres whose data survives the process. */
class EmbeddedLedgerIT {

    @Test
    void shouldKeepTheLedgerInItsDirectoryAcrossRuns(@TempDir Path dir) {
        StateStoreConfig config = StateStoreConfig.fromEnvironment(Map.of("RP_STATE_DIR", dir.toString()));
        Release started;
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            started = store.start(
                    ReleaseRequest.of("api", "demo", "0.1.0", ReleaseStrategy.BLUE_GREEN, Actor.of("me")),
                    StartOptions.failFast());
        }
        assertThat(Files.exists(dir.resolve("pgdata/PG_VERSION"))).isTrue();

        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            assertThat(store.inProgress("api", "demo")).contains(started);
        }
    }
}
