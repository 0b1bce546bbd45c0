package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.embedded.EmbeddedProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-spec corpus through the core, against the real Postgres ledger: a blue-green hook that dumps its
 * environment, echoes the host's secrets and floods 10 MB of output, and one that ignores SIGTERM and forks. Every
 * secret stays out of every ledger row, audit row and outbox event; the output is bounded; no process survives.
 */
class HostileProcessesIT {
    private static final String GITHUB_TOKEN = "ghs_HostileTestToken0123456789";
    private static final String DB_PASSWORD = "ledger-Pa55word-hostile";
    private static final String DEPLOY_KEY = "deploy-key-Secret-777";
    private static final Map<String, String> HOST = Map.of(
            "PATH",
            "/usr/local/bin:/usr/bin:/bin",
            "HOME",
            "/root",
            "GITHUB_TOKEN",
            GITHUB_TOKEN,
            "RP_DATABASE_PASSWORD",
            DB_PASSWORD,
            "DEPLOY_KEY",
            DEPLOY_KEY,
            "DEPLOY_REGION",
            "eu-west-1");

    @TempDir
    Path dir;

    private EmbeddedProxy proxy;
    private TrafficRouter router;
    private String schema;
    private PostgresReleaseStore store;

    @BeforeEach
    void start() {
        proxy = EmbeddedProxy.start(URI.create("http://127.0.0.1:1/"), URI.create("http://127.0.0.1:2/"), 0);
        router = TrafficRouterRegistry.create(
                new TrafficRouterSettings.Embedded(proxy.adminUri(), Duration.ofSeconds(15)));
        schema = LedgerDatabases.uniqueSchema();
        store = PostgresReleaseStore.open(LedgerDatabases.freshSchema().withSchema(schema));
    }

    @AfterEach
    void stop() {
        store.close();
        proxy.close();
    }

    private ReleaseOutcome blueGreen(String deployArgv) {
        String yaml = "service: hostile\n"
                + "environments:\n  - name: staging\n"
                + "strategy:\n  type: blue-green\n  canary:\n    analysisInterval: 1s\n  blueGreen:\n"
                + "    deploy: { command: " + deployArgv + ", timeout: 2s }\n"
                + "    watchWindow: 1s\n    scaleDownDelay: 1s\n"
                + "traffic:\n  router: command\n  command: { run: [\"/bin/true\"] }\n"
                // No metrics here: the test is about the hook's process, so the watch window promotes blind.
                + "rollback:\n  onMissingData: continue\n"
                + "processes:\n  passEnvironment: [DEPLOY_KEY, DEPLOY_REGION]\n  secretEnvironment: [DEPLOY_KEY]\n";
        SpecFile spec = SpecReader.readFile("release-pilot.yml", yaml.getBytes(StandardCharsets.UTF_8))
                .value();
        ReleasePorts ports = ReleasePorts.standard(Ledger.shared(store), HOST).withRouters(s -> router);
        try (ReleaseSession session = ReleaseSession.open(spec, "staging", ports)) {
            return new Rollout(session)
                    .blueGreen(new Rollout.Request("2.0.0", Actor.of("ci"), null, false), ProgressListener.NONE);
        }
    }

    private StepDetail.Hook deployHook(ReleaseOutcome outcome) {
        return store.steps(outcome.releaseId()).stream()
                .map(step -> step.step().detail())
                .filter(StepDetail.Hook.class::isInstance)
                .map(StepDetail.Hook.class::cast)
                .filter(hook -> hook.name().equals("deploy"))
                .findFirst()
                .orElseThrow();
    }

    /** Every row of every ledger table, as Postgres has it. */
    private String everyRow() throws Exception {
        StringBuilder rows = new StringBuilder();
        String password = TestServices.get("RP_PG_PASSWORD");
        try (Connection connection = DriverManager.getConnection(
                        TestServices.get("RP_PG_URL"),
                        TestServices.get("RP_PG_USER"),
                        password.isEmpty() ? null : password);
                Statement statement = connection.createStatement()) {
            for (String table : List.of("releases", "release_steps", "audit", "outbox")) {
                try (ResultSet result = statement.executeQuery("SELECT t::text FROM " + schema + "." + table + " t")) {
                    while (result.next()) {
                        rows.append(table)
                                .append(": ")
                                .append(result.getString(1))
                                .append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }

    @Test
    void shouldKeepEverySecretOutOfTheLedgerAndTheOutboxAndBoundTheOutput() throws Exception {
        ReleaseOutcome outcome = blueGreen("[\"sh\", \"-c\", \"env; echo token=$GITHUB_TOKEN key=$DEPLOY_KEY;"
                + " cat /etc/shadow 2>&1 | head -c 100; head -c 10485760 /dev/zero | tr '\\\\000' x\"]");

        StepDetail.Hook hook = deployHook(outcome);
        assertThat(hook.output())
                .contains("DEPLOY_REGION=eu-west-1", "DEPLOY_KEY=****", "token= key=****")
                .doesNotContain("GITHUB_TOKEN=", "RP_DATABASE_PASSWORD=", GITHUB_TOKEN, DEPLOY_KEY, DB_PASSWORD);
        assertThat(hook.output().length()).isLessThan(64 * 1024 + 200);
        String rows = everyRow();
        assertThat(rows).contains("release_steps: ", "outbox: ");
        assertThat(rows).doesNotContain(GITHUB_TOKEN, DB_PASSWORD, DEPLOY_KEY);
        assertThat(rows.length()).isLessThan(1024 * 1024);
        assertThat(outcome.report()).doesNotContain(GITHUB_TOKEN, DB_PASSWORD, DEPLOY_KEY);
    }

    @Test
    void shouldStopAHookThatIgnoresSigtermAndEveryChildItForked() throws Exception {
        Path pids = dir.resolve("pids");

        ReleaseOutcome outcome = blueGreen("[\"sh\", \"-c\", \"trap '' TERM; echo $$ > " + pids
                + "; sleep 300 & echo $! >> " + pids + "; wait\"]");

        StepDetail.Hook hook = deployHook(outcome);
        assertThat(hook.succeeded()).isFalse();
        assertThat(hook.output()).contains("did not finish within");
        List<Long> started = Files.readAllLines(pids).stream()
                .map(String::strip)
                .map(Long::parseLong)
                .toList();
        assertThat(started).hasSize(2);
        for (long pid : started) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d", pid)
                    .isFalse();
        }
    }
}
