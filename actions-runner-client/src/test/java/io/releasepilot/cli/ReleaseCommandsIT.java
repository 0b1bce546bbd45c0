package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.ChildJvm;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The release commands as a CI runner runs them, against real HAProxy, Prometheus and Postgres. */
@Timeout(120)
class ReleaseCommandsIT {

    @Test
    void shouldContinueACanaryKilledWithSigkillFromTheRecordedStepAfterReconcilingTheRouter() throws Exception {
        StateStoreConfig ledger = LedgerDatabases.freshSchema();
        Map<String, String> env = Map.of(
                "RP_DATABASE_URL", TestServices.get("RP_PG_URL"),
                "RP_DATABASE_USER", TestServices.get("RP_PG_USER"),
                "RP_DATABASE_SCHEMA", ledger.schema(),
                "GITHUB_ACTOR", "alice");
        try (ReleaseBench bench = ReleaseBench.start();
                PostgresReleaseStore store = PostgresReleaseStore.open(ledger)) {
            bench.awaitScraped();
            Path spec = bench.specFile("staging", "canary", 4);
            String[] args = {
                "canary",
                "--spec",
                spec.toString(),
                "--environment",
                "staging",
                "--release-version",
                bench.v2().version()
            };
            Process first = ChildJvm.start(ReleasePilotCli.class, env, args);
            Release running = awaitWeight(store, bench.service(), 50, first);
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // The crash left the balancer somewhere else than the ledger says (as a half-applied change would).
            TrafficRouter router = TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"));
            router.apply(TrafficSplit.canary(10));

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = ReleasePilotCli.run(
                    RunnerEnvironment.of(env), new PrintWriter(out, true), new PrintWriter(err, true), args);

            assertThat(exit).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("router reconciled", "SUCCEEDED");
            Release finished = store.find(running.id()).orElseThrow();
            assertThat(finished.state()).isEqualTo(ReleaseState.SUCCEEDED);
            assertThat(router.current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
            List<ReleaseStep> steps = store.steps(running.id());
            assertThat(steps.stream()
                            .filter(s -> s.step().kind() == StepKind.TRAFFIC)
                            .map(s -> s.step().weights().canary()))
                    .containsExactly(10, 50, 100);
            assertThat(steps).anySatisfy(s -> assertThat(s.step().detail()).isInstanceOf(StepDetail.Resumed.class));
            assertThat(steps).anySatisfy(s -> assertThat(s.step().detail()).isInstanceOf(StepDetail.Reconciled.class));
            // The release records the spec it ran with: the SHA-256 of the file's bytes.
            assertThat(finished.request().specHash()).isEqualTo(SpecReader.specHash(Files.readAllBytes(spec)));

            StringWriter status = new StringWriter();
            int statusExit = ReleasePilotCli.run(
                    RunnerEnvironment.of(env),
                    new PrintWriter(status, true),
                    new PrintWriter(new StringWriter(), true),
                    "status",
                    "--spec",
                    spec.toString(),
                    "--environment",
                    "staging",
                    "--format",
                    "json");
            assertThat(statusExit).isZero();
            assertThat(status.toString())
                    .contains("\"state\" : \"SUCCEEDED\"", running.id().toString());
        }
    }

    private static Release awaitWeight(PostgresReleaseStore store, String service, int canary, Process child)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Release> release = store.inProgress(service, "staging");
            if (release.isPresent()
                    && release.get().weights() != null
                    && release.get().weights().canary() == canary) {
                return release.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the canary run ended early: " + ChildJvm.output(child));
            }
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("the canary never reached " + canary + " %: " + ChildJvm.output(child));
    }
}
