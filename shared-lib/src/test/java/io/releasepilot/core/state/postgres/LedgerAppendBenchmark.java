package io.releasepilot.core.state.postgres;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * bench/benchmarks/ledger-append: release-step appends (step row + outbox row, and the release's progress for a
 * traffic step: one atomic statement) per second, in a canary's mix of 1 traffic change to 3 verdicts, against a raw JDBC autocommit INSERT loop of a similar row into the same database. Prints
 * "VALUE BASELINE" as its last line. Args: seconds per measurement.
 */
final class LedgerAppendBenchmark {
    private LedgerAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        StateStoreConfig config = LedgerDatabases.freshSchema();
        double ledger;
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            Release release = store.start(
                    ReleaseRequest.of("bench", "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("bench")),
                    StartOptions.failFast());
            StepDetail traffic =
                    new StepDetail.TrafficApplied(TrafficSplit.canary(5), "prometheus", null, "value 0.31 < 0.5");
            StepDetail gate = new StepDetail.Gate(Verdict.PASS, 100, "prometheus", Map.of("value", 0.31), List.of());
            StepDetail analysis = new StepDetail.Analysis(
                    Instant.now(), "1.0.0", Map.of("value", 0.31), Map.of("value", "< 0.5"), Verdict.PASS, null);
            int[] step = {0};
            // The mix of a canary: each traffic change is followed by gate and analysis verdicts.
            Runnable append = () -> {
                int n = step[0]++;
                store.recordStep(
                        release.id(), new NewStep(n % 1000, n % 4 == 0 ? traffic : n % 2 == 0 ? gate : analysis));
            };
            measure(append, 2);
            ledger = measure(append, seconds);
        }
        double raw;
        try (Connection connection = DriverManager.getConnection(
                        TestServices.get("RP_PG_URL"),
                        TestServices.get("RP_PG_USER"),
                        TestServices.get("RP_PG_PASSWORD"));
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE " + config.schema() + ".raw_steps (id bigserial PRIMARY KEY, release_id uuid,"
                    + " step_index int, kind text, stable_weight int, canary_weight int, details jsonb,"
                    + " recorded_at timestamptz)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO " + config.schema() + ".raw_steps"
                    + " (release_id, step_index, kind, stable_weight, canary_weight, details, recorded_at)"
                    + " VALUES (?, ?, 'TRAFFIC', ?, ?, ?::jsonb, now())");
            java.util.UUID id = java.util.UUID.randomUUID();
            int[] step = {0};
            Runnable row = () -> {
                try {
                    insert.setObject(1, id);
                    insert.setInt(2, step[0]++ % 1000);
                    insert.setInt(3, 100 - step[0] % 100);
                    insert.setInt(4, step[0] % 100);
                    insert.setString(5, "{\"value\":0.31,\"threshold\":0.5,\"source\":\"prometheus\"}");
                    insert.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            measure(row, 2);
            raw = measure(row, seconds);
            ddl.execute("DROP SCHEMA " + config.schema() + " CASCADE");
        }
        System.out.printf("ledger appends/s %.0f, raw JDBC inserts/s %.0f at %s%n", ledger, raw, Instant.now());
        System.out.printf("%.1f %.1f%n", ledger, raw);
    }

    private static double measure(Runnable operation, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
