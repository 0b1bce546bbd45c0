package io.releasepilot.core.state.postgres;

import io.releasepilot.core.process.local.LoopbackPorts;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficSplit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * bench/benchmarks/dashboard: p95 of {@code GET /} (the environments overview) of a real {@code release-pilot serve}
 * (the CLI jar, a child process) over a ledger of N releases in two environments, against the p95 of plain JDBC
 * SELECTs of the same rows (per environment: the release in progress, the last successful one, the running release's
 * steps) in the same run, alternating one of each. Prints "PAGE_P95_MS SQL_P95_MS" as its last line.
 * Args: the CLI jar, releases, measured requests.
 */
final class DashboardOverviewBenchmark {
    private static final String SERVICE = "bench-dashboard";
    private static final List<String> ENVIRONMENTS = List.of("staging", "production");

    private DashboardOverviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int releases = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        StateStoreConfig config = LedgerDatabases.freshSchema();
        long filling = System.nanoTime();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config)) {
            for (int i = 0; i < releases; i++) {
                String environment = ENVIRONMENTS.get(i % ENVIRONMENTS.size());
                Release release = store.start(
                        new ReleaseRequest(
                                SERVICE,
                                environment,
                                "1." + i + ".0",
                                "sha" + i,
                                null,
                                ReleaseStrategy.CANARY,
                                Actor.of("bench-" + (i % 7)),
                                null,
                                null,
                                null),
                        StartOptions.failFast());
                store.recordStep(
                        release.id(),
                        new NewStep(
                                1,
                                new StepDetail.TrafficApplied(
                                        TrafficSplit.canary(10), "haproxy", TrafficSplit.canary(10), "step 1")));
                store.recordStep(
                        release.id(),
                        new NewStep(
                                1,
                                new StepDetail.Analysis(
                                        Instant.now(),
                                        "1." + i + ".0",
                                        Map.of("errorRate", 0.001),
                                        Map.of("errorRate", "< 1%"),
                                        Verdict.PASS,
                                        null)));
                // The last release of each environment stays in progress: the overview shows it with its steps.
                if (i < releases - ENVIRONMENTS.size()) {
                    store.finish(
                            release.id(),
                            i % 10 == 0 ? ReleaseState.ROLLED_BACK : ReleaseState.SUCCEEDED,
                            Actor.of("bench"),
                            null);
                }
            }
        }
        System.err.printf(
                "filled the ledger with %d releases in %d s%n",
                releases, Duration.ofNanos(System.nanoTime() - filling).toSeconds());
        Path spec = Files.createTempFile("dashboard-bench", ".yml");
        Files.writeString(
                spec,
                "version: 1\nservice: " + SERVICE + "\nenvironments:\n  - name: staging\n"
                        + "  - name: production\ntraffic:\n  router: haproxy\n  haproxy: { socket: /nonexistent/haproxy.sock,"
                        + " backend: app, stable: blue, canary: green, timeout: 1s }\n");
        int port = LoopbackPorts.free();
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--spec",
                        spec.toString(),
                        "--listen",
                        "127.0.0.1:" + port,
                        "--anonymous-read")
                .redirectErrorStream(true);
        // Not inherited: the child's lines would end up in the result file.
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                Files.createTempFile("serve", ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
        env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
        env.put("RP_DATABASE_PASSWORD", TestServices.get("RP_PG_PASSWORD"));
        env.put("RP_DATABASE_SCHEMA", config.schema());
        env.put("RP_WEBHOOK_TOKEN", UUID.randomUUID().toString());
        Process serve = builder.start();
        try (Connection connection = DriverManager.getConnection(
                TestServices.get("RP_PG_URL"), TestServices.get("RP_PG_USER"), TestServices.get("RP_PG_PASSWORD"))) {
            connection.setSchema(config.schema());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            URI overview = URI.create("http://127.0.0.1:" + port + "/");
            awaitUp(http, URI.create("http://127.0.0.1:" + port + "/healthz"), serve);
            long[] page = new long[requests];
            long[] sql = new long[requests];
            for (int warm = 0; warm < Math.max(20, requests / 5); warm++) {
                get(http, overview);
                select(connection);
            }
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                get(http, overview);
                long t1 = System.nanoTime();
                select(connection);
                long t2 = System.nanoTime();
                page[i] = t1 - t0;
                sql[i] = t2 - t1;
            }
            double pageP95 = p95(page);
            double sqlP95 = p95(sql);
            System.err.printf(
                    "overview p95 %.2f ms, plain SELECT p95 %.2f ms, ratio %.2f (%d releases, %d requests)%n",
                    pageP95, sqlP95, pageP95 / sqlP95, releases, requests);
            System.out.printf("%.3f %.3f%n", pageP95, sqlP95);
            connection.createStatement().execute("DROP SCHEMA " + config.schema() + " CASCADE");
        } finally {
            serve.destroy();
            serve.waitFor();
            Files.deleteIfExists(spec);
        }
    }

    /** The rows the overview shows, read with plain SELECTs: nothing mapped, nothing rendered. */
    private static void select(Connection connection) throws SQLException {
        for (String environment : ENVIRONMENTS) {
            List<UUID> running = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT " + LedgerRows.RELEASE_COLUMNS
                    + " FROM releases WHERE service = ? AND environment = ? AND state IN ('IN_PROGRESS', 'PAUSED')")) {
                s.setString(1, SERVICE);
                s.setString(2, environment);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        running.add(rs.getObject(1, UUID.class));
                        readRow(rs);
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT " + LedgerRows.RELEASE_COLUMNS
                    + " FROM releases WHERE service = ? AND environment = ? AND state = 'SUCCEEDED'"
                    + " ORDER BY finished_at DESC, started_at DESC LIMIT 1")) {
                s.setString(1, SERVICE);
                s.setString(2, environment);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        readRow(rs);
                    }
                }
            }
            for (UUID id : running) {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT " + LedgerRows.STEP_COLUMNS + " FROM release_steps WHERE release_id = ? ORDER BY id")) {
                    s.setObject(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            readRow(rs);
                        }
                    }
                }
            }
        }
    }

    private static void readRow(ResultSet rs) throws SQLException {
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            rs.getString(c);
        }
    }

    private static void get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("id=\"overview\"")) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private static void awaitUp(HttpClient http, URI health, Process serve) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve exited with " + serve.exitValue() + " before answering");
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(health)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("serve did not answer " + health + " within 120 s");
    }

    private static double p95(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    }
}
