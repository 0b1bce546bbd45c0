package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.VersionChecked;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The version check and the hooks' {@code RP_*} variables through the CLI, against real sample services behind real
 * HAProxy, with the ledger in Postgres.
 */
@Timeout(120)
class VersionCheckIT {

    private static Map<String, String> env(StateStoreConfig ledger) {
        Map<String, String> env = new HashMap<>();
        env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
        env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
        env.put("RP_DATABASE_SCHEMA", ledger.schema());
        env.put("GITHUB_ACTOR", "alice");
        return env;
    }

    private static String versionCheck(ReleaseBench bench, String how) {
        return versionCheck(how, "  servers: [\"127.0.0.1:" + bench.v2().port() + "\"]\n");
    }

    /** Without servers: the check asks the router for the target slot's pool (HAProxy: the servers' addresses). */
    private static String versionCheck(String how, String servers) {
        return "versionCheck:\n"
                + "  url: \"http://{{address}}/" + (how.startsWith("regex") ? "" : "version") + "\"\n"
                + servers
                + "  " + how + "\n"
                + "  timeout: 1s\n";
    }

    private static int run(Map<String, String> env, StringWriter out, String... args) {
        return ReleasePilotCli.run(
                RunnerEnvironment.of(env), new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    @Test
    void shouldRefuseACanaryOfV3WhileTheTargetStillServesV2NamingTheVersionsSeen() throws Exception {
        StateStoreConfig ledger = LedgerDatabases.freshSchema();
        try (ReleaseBench bench = ReleaseBench.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(ledger)) {
            Path spec = Files.writeString(
                    bench.dir().resolve("v3.yml"),
                    bench.spec("staging", "canary", 2) + versionCheck(bench, "regex: \"^(\\\\S+)\""));
            String v3 = bench.v2().version().replace("2.0.0", "3.0.0");
            StringWriter out = new StringWriter();

            int exit = run(
                    env(ledger),
                    out,
                    "canary",
                    "--spec",
                    spec.toString(),
                    "--environment",
                    "staging",
                    "--release-version",
                    v3);

            assertThat(exit).as(out.toString()).isEqualTo(1);
            assertThat(out.toString())
                    .contains(
                            "version check failed",
                            "releasing " + v3,
                            bench.v2().version(),
                            "FAILED");
            Release release = last(store, bench.service());
            assertThat(release.state()).isEqualTo(ReleaseState.FAILED);
            assertThat(release.finishReason()).contains(bench.v2().version());
            List<ReleaseStep> steps = store.steps(release.id());
            assertThat(steps)
                    .noneSatisfy(s -> assertThat(s.step().detail()).isInstanceOf(StepDetail.TrafficIntent.class));
            assertThat(steps)
                    .anySatisfy(s -> assertThat(s.step().detail())
                            .isInstanceOfSatisfying(VersionChecked.class, check -> {
                                assertThat(check.result()).isEqualTo(Verdict.FAIL);
                                assertThat(check.servers())
                                        .singleElement()
                                        .satisfies(server -> assertThat(server.observed())
                                                .isEqualTo(bench.v2().version()));
                            }));
            // No traffic moved: everything still on the stable server.
            TrafficRouter router = TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"));
            assertThat(router.current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
        }
    }

    @Test
    void shouldPassTheCheckAndGiveTheDeployHookTheReleasesVariables() throws Exception {
        StateStoreConfig ledger = LedgerDatabases.freshSchema();
        try (ReleaseBench bench = ReleaseBench.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(ledger)) {
            Path seen = bench.dir().resolve("hook-env.txt");
            Path hook = Files.writeString(
                    bench.dir().resolve("deploy.sh"),
                    "#!/bin/sh\nenv | grep '^RP_' | sort > \"$1\"\necho deployed \"$RP_VERSION\" to \"$RP_SLOT\"\n");
            String blueGreen = bench.spec("staging", "blue-green", 1)
                    // The bench's error rate has no samples this early: the watch window promotes on no data.
                    .replace("rollback:\n", "rollback:\n  onMissingData: continue\n")
                    .replace(
                            "  blueGreen:\n",
                            "  blueGreen:\n    deploy: { command: [\"sh\", \"" + hook + "\", \"" + seen
                                    + "\"], timeout: 5s }\n");
            Path spec =
                    Files.writeString(bench.dir().resolve("bg.yml"), blueGreen + versionCheck("header: X-Version", ""));
            String[] args = {
                "bluegreen",
                "--spec",
                spec.toString(),
                "--environment",
                "staging",
                "--release-version",
                bench.v2().version()
            };
            StringWriter first = new StringWriter();
            assertThat(run(env(ledger), first, args)).as(first.toString()).isZero();
            Release firstRelease = last(store, bench.service());
            assertThat(first.toString())
                    .contains("version check passed", "127.0.0.1:" + bench.v2().port());
            // Again: the second release targets the other slot (blue), which still serves v1, so the hook sees the
            // slots swapped and the previous version, and the version check refuses to move traffic onto v1.
            StringWriter second = new StringWriter();

            int exit = run(env(ledger), second, args);

            assertThat(exit).as(second.toString()).isEqualTo(1);
            assertThat(second.toString())
                    .contains("127.0.0.1:" + bench.v1().port(), bench.v1().version());
            Release release = last(store, bench.service());
            assertThat(Files.readAllLines(seen))
                    .contains(
                            "RP_SERVICE=" + bench.service(),
                            "RP_ENVIRONMENT=staging",
                            "RP_VERSION=" + bench.v2().version(),
                            "RP_PREVIOUS_VERSION=" + firstRelease.version(),
                            "RP_SLOT=blue",
                            "RP_LIVE_SLOT=green",
                            "RP_TARGET_SLOT=blue",
                            "RP_RELEASE_ID=" + release.id());
            List<ReleaseStep> steps = store.steps(firstRelease.id());
            int check = indexOf(steps, VersionChecked.class);
            int traffic = indexOf(steps, StepDetail.TrafficIntent.class);
            assertThat(check).isNotNegative().isLessThan(traffic);
            List<ReleaseStep> refused = store.steps(release.id());
            assertThat(indexOf(refused, VersionChecked.class)).isNotNegative();
            assertThat(indexOf(refused, StepDetail.TrafficIntent.class))
                    .as("no traffic moved")
                    .isNegative();
        }
    }

    private static Release last(PostgresReleaseStore store, String service) {
        List<DeploymentRecord> releases = store.releasesSince(service, "staging", Instant.EPOCH);
        return store.find(releases.get(releases.size() - 1).releaseId()).orElseThrow();
    }

    private static int indexOf(List<ReleaseStep> steps, Class<?> type) {
        for (int i = 0; i < steps.size(); i++) {
            if (type.isInstance(steps.get(i).step().detail())) {
                return i;
            }
        }
        return -1;
    }
}
