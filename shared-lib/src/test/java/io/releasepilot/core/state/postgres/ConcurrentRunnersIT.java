package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.testing.ChildJvm;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two JVMs at once, as two CI runners: migrations on an empty schema, and a start of the same release. */
class ConcurrentRunnersIT {

    private static Map<String, String> env(String schema) {
        return Map.of(
                "RP_DATABASE_URL", TestServices.get("RP_PG_URL"),
                "RP_DATABASE_USER", TestServices.get("RP_PG_USER"),
                "RP_DATABASE_SCHEMA", schema);
    }

    private static List<String> runTwo(String schema, String... args) throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(ChildJvm.start(LedgerChild.class, env(schema), args));
        }
        List<String> lines = new ArrayList<>();
        for (Process child : children) {
            String output = ChildJvm.output(child);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            Arrays.stream(output.split("\n"))
                    .filter(line ->
                            line.startsWith("STARTED") || line.startsWith("LOCKED") || line.startsWith("MIGRATED"))
                    .forEach(lines::add);
        }
        return lines;
    }

    @Test
    void shouldMigrateOnceWhenTwoProcessesStartAtTheSameMoment() throws Exception {
        String schema = LedgerDatabases.uniqueSchema();
        String at = String.valueOf(System.currentTimeMillis() + 2_500);

        List<String> lines = runTwo(schema, "migrate", at);

        assertThat(lines).containsExactly("MIGRATED", "MIGRATED");
        try (Connection connection = DriverManager.getConnection(
                        TestServices.get("RP_PG_URL"),
                        TestServices.get("RP_PG_USER"),
                        TestServices.get("RP_PG_PASSWORD"));
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*), bool_and(success), count(DISTINCT version) FROM "
                                + schema + ".flyway_schema_history WHERE version IS NOT NULL")) {
            rows.next();
            // Each migration (V1, V2, …) applied exactly once, although two processes migrated at once.
            assertThat(rows.getInt(1)).isEqualTo(rows.getInt(3)).isGreaterThanOrEqualTo(2);
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }

    @Test
    void shouldLetExactlyOneOfTwentyAttemptsInTwoProcessesStartARelease() throws Exception {
        StateStoreConfig config = LedgerDatabases.freshSchema();
        try (PostgresReleaseStore store =
                PostgresReleaseStore.open(config)) { // migrate first: this test is about the lock
            String at = String.valueOf(System.currentTimeMillis() + 3_000);

            List<String> lines = runTwo(config.schema(), "start", at, "api", "10");

            assertThat(lines).hasSize(20);
            List<String> started =
                    lines.stream().filter(line -> line.startsWith("STARTED")).toList();
            assertThat(started).hasSize(1);
            String winner = started.get(0).substring("STARTED ".length());
            assertThat(lines.stream().filter(line -> line.startsWith("LOCKED")))
                    .hasSize(19)
                    .allSatisfy(line -> assertThat(line)
                            .contains(winner)
                            .contains("held by runner-")
                            .contains("https://ci/run")
                            .contains(" since "));
            assertThat(store.releasesSince("api", "prod", Instant.EPOCH)).hasSize(1);
            assertThat(store.outbox().read(new OutboxQuery("api", "prod", null, 0, 100)))
                    .hasSize(1);
        }
    }
}
