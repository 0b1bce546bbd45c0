package io.releasepilot.core.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.OperatorAction;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.OwnPrometheus;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No data is never a pass, against real services: the canary's metrics come from a Prometheus of the test's own
 * (scraping the bench's real sample services), which is stopped during the first step. What happens at the step's
 * end is {@code rollback.onMissingData}: pause (the default), roll back, or continue blind.
 */
@Timeout(90)
class MissingDataIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private ReleaseBench bench;
    private OwnPrometheus prometheus;
    private String environment;

    @BeforeEach
    void start(TestInfo info) throws Exception {
        bench = ReleaseBench.start();
        environment = info.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
        Path dir = Files.createDirectories(bench.dir().resolve("own-prometheus"));
        prometheus =
                OwnPrometheus.start(dir, List.of(bench.v1().port(), bench.v2().port()));
    }

    @AfterEach
    void stop() throws Exception {
        prometheus.close();
        bench.close();
    }

    @Test
    void shouldPauseAtTheStepsEndWhenPrometheusIsGoneByDefault() throws Exception {
        CompletableFuture<ReleaseOutcome> run = runWithPrometheusStopped(Optional.empty());

        Release paused = awaitState(ReleaseState.PAUSED);
        assertThat(paused.weights().canary()).isEqualTo(10);
        assertThat(notices(paused))
                .anySatisfy(n -> assertThat(n)
                        .contains("step 1 (10 %) ended without data", "errorRate", "onMissingData: pause"));
        operator(OperatorAction.Operation.ABORT, "no metrics, not shipping blind");
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);
        assertThat(outcome.state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldRollBackAtTheStepsEndWhenPrometheusIsGoneAndTheSpecSaysRollback() throws Exception {
        ReleaseOutcome outcome =
                runWithPrometheusStopped(Optional.of("rollback")).get(60, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason()).contains("ended without data", "errorRate", "onMissingData: rollback");
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldContinueBlindAndSayItWhenTheSpecSaysContinue() throws Exception {
        ReleaseOutcome outcome =
                runWithPrometheusStopped(Optional.of("continue")).get(60, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
        Release finished = LEDGER.store().find(outcome.releaseId()).orElseThrow();
        assertThat(notices(finished))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("PROMOTING BLIND (onMissingData: continue)")
                        .contains("errorRate"));
    }

    /** Starts a canary (steps of 6 s) reading the test's own Prometheus and stops it once the first step runs. */
    private CompletableFuture<ReleaseOutcome> runWithPrometheusStopped(Optional<String> onMissingData)
            throws Exception {
        String text = bench.spec(environment, "canary", 6)
                .replace("url: " + TestServices.get("RP_PROMETHEUS_URL"), "url: " + prometheus.uri())
                .replace(
                        "rollback:\n",
                        "rollback:\n"
                                + onMissingData
                                        .map(a -> "  onMissingData: " + a + "\n")
                                        .orElse(""));
        ReleaseSpec spec = SpecReader.read("missing-data.yml", text).value();
        ReleaseEngine engine = new ReleaseEngine(
                LEDGER.store(),
                TrafficRouterRegistry.create(
                        TrafficRouterSettings.from(spec.traffic().orElseThrow())),
                HttpReleaseSignals.from(spec, Map.of()),
                RolloutPlan.from(spec),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                p -> {});
        RolloutRequest request = new RolloutRequest(
                bench.service(), environment, bench.v2().version(), Actor.of("alice"), "abc123", null, false);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request));
        awaitWeight(10);
        prometheus.close();
        return run;
    }

    private List<String> notices(Release release) {
        return LEDGER.store().steps(release.id()).stream()
                .map(s -> s.step().detail())
                .filter(StepDetail.Notice.class::isInstance)
                .map(d -> ((StepDetail.Notice) d).message())
                .toList();
    }

    private void operator(OperatorAction.Operation operation, String reason) {
        ReleaseSpec spec = SpecReader.read("operator.yml", bench.spec(environment, "canary", 6))
                .value();
        try (ReleaseSession session = ReleaseSession.open(
                spec, environment, ReleasePorts.standard(Ledger.shared(LEDGER.store()), Map.of()))) {
            new OperatorAction(session).perform(operation, Actor.of("bob"), reason);
        }
    }

    private io.releasepilot.core.traffic.TrafficRouter router() {
        return TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"));
    }

    private Release awaitState(ReleaseState state) throws InterruptedException {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Release> release = LEDGER.store().inProgress(bench.service(), environment);
            if (release.isPresent() && release.get().state() == state) {
                return release.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the release never reached " + state);
    }

    private void awaitWeight(int canary) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Release> release = LEDGER.store().inProgress(bench.service(), environment);
            if (release.isPresent()
                    && release.get().weights() != null
                    && release.get().weights().canary() == canary) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("canary never reached " + canary + " %");
    }
}
