package io.releasepilot.core.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.OperatorAction;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
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
 * A business metric half as good on the canary as on the stable side: real sample services (v1 converts 10 % of
 * requests into checkouts, v2 5 %) behind HAProxy, scraped by real Prometheus; the deviation trigger compares the two
 * versions' checkout rate in the same window, pauses the canary for review, and an operator's promote or abort ends it.
 */
@Timeout(120)
class DeviationReviewIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private ReleaseBench bench;
    private String environment;

    @BeforeEach
    void start(TestInfo info) throws Exception {
        bench = ReleaseBench.start();
        environment = info.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
        bench.v1().checkoutFraction(0.10);
        bench.v2().checkoutFraction(0.05);
        // v1 is the last good release: the stable side the canary is compared with.
        Release v1 = LEDGER.store()
                .start(
                        ReleaseRequest.of(
                                bench.service(),
                                environment,
                                bench.v1().version(),
                                ReleaseStrategy.CANARY,
                                Actor.of("ci")),
                        StartOptions.takeover("earlier release"));
        LEDGER.store().finish(v1.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), "v1 is live");
        bench.awaitScraped();
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
    }

    @Test
    void shouldPauseForReviewAndPromoteOnRequest() throws Exception {
        CompletableFuture<ReleaseOutcome> run = startCanary();
        Release paused = awaitReview();

        operator(OperatorAction.Operation.PROMOTE, "checkouts dip is a known campaign effect");
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(paused.weights().canary()).isEqualTo(10);
        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(outcome.reason()).contains("promoted");
        assertThat(TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"))
                        .current()
                        .split())
                .isEqualTo(TrafficSplit.ALL_CANARY);
        assertThat(outcome.report()).contains("paused for review: checkout-drop", "PROMOTE");
    }

    @Test
    void shouldPauseForReviewAndRollBackOnAbort() throws Exception {
        CompletableFuture<ReleaseOutcome> run = startCanary();
        awaitReview();

        operator(OperatorAction.Operation.ABORT, "checkouts halved, not shipping");
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason()).contains("aborted");
        assertThat(TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"))
                        .current()
                        .split())
                .isEqualTo(TrafficSplit.ALL_STABLE);
    }

    /** The bench's canary (steps of 60 s) with the checkout rate and a 40 % deviation trigger against stable. */
    private String spec() {
        String s = "service=\\\"" + bench.service() + "\\\",version=\\\"{{version}}\\\"";
        return bench.spec(environment, "canary", 60)
                .replace(
                        "    queries:\n",
                        "    queries:\n      checkoutRate: \"sum(rate(checkouts_total{" + s + "}[10s])) / sum(rate("
                                + "http_requests_total{" + s + "}[10s]))\"\n")
                .concat("    - { name: checkout-drop, metric: checkoutRate, deviation: 40%, direction: decrease,"
                        + " against: stable, action: review }\n");
    }

    private CompletableFuture<ReleaseOutcome> startCanary() {
        ReleaseSpec spec = SpecReader.read("deviation.yml", spec()).value();
        assertThat(spec.rollback().deviations()).hasSize(1);
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
        return CompletableFuture.supplyAsync(() -> engine.canary(request));
    }

    /** Waits until the canary is paused with the review notice in the ledger. */
    private Release awaitReview() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Release> release = LEDGER.store().inProgress(bench.service(), environment);
            if (release.isPresent() && release.get().state() == ReleaseState.PAUSED) {
                List<String> notices = LEDGER.store().steps(release.get().id()).stream()
                        .map(s -> s.step().detail())
                        .filter(StepDetail.Notice.class::isInstance)
                        .map(d -> ((StepDetail.Notice) d).message())
                        .toList();
                assertThat(notices)
                        .anySatisfy(n -> assertThat(n)
                                .startsWith("paused for review: checkout-drop: checkoutRate canary")
                                .contains("vs stable", "limit -40%", "promote or abort"));
                return release.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the canary was never paused for review");
    }

    private void operator(OperatorAction.Operation operation, String reason) {
        ReleaseSpec spec = SpecReader.read("operator.yml", spec()).value();
        try (ReleaseSession session = ReleaseSession.open(
                spec, environment, ReleasePorts.standard(Ledger.shared(LEDGER.store()), Map.of()))) {
            new OperatorAction(session).perform(operation, Actor.of("bob"), reason);
        }
    }
}
