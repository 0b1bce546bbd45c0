package io.releasepilot.core.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.OperatorAction;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutProgress;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.NginxProcess;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine against real services: HAProxy (and NGINX once) in front of two sample services, Prometheus scraping
 * them every second, the ledger in Postgres. Steps and windows last seconds.
 */
@Timeout(60)
class ReleaseEngineIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    private ReleaseBench bench;
    private final List<RolloutProgress> progress = new CopyOnWriteArrayList<>();
    private String environment;

    @BeforeEach
    void startBench(TestInfo info) throws Exception {
        bench = ReleaseBench.start();
        environment = info.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
        bench.awaitScraped();
    }

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private ReleaseEngine engine(String strategy, int stepSeconds) throws Exception {
        ReleaseSpec spec = SpecReader.read(bench.specFile(environment, strategy, stepSeconds))
                .value();
        TrafficRouter router = TrafficRouterRegistry.create(
                TrafficRouterSettings.from(spec.traffic().orElseThrow()));
        return engine(spec, router);
    }

    private ReleaseEngine engine(ReleaseSpec spec, TrafficRouter router) {
        return new ReleaseEngine(
                LEDGER.store(),
                router,
                HttpReleaseSignals.from(spec, Map.of()),
                RolloutPlan.from(spec),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                progress::add);
    }

    /** An operator's request on the release in progress, as the CLI and the Jenkins steps make it. */
    private void operator(OperatorAction.Operation operation, Actor actor, String reason) {
        ReleaseSpec spec = SpecReader.read("operator.yml", bench.spec(environment, "canary", 4))
                .value();
        try (ReleaseSession session = ReleaseSession.open(
                spec, environment, ReleasePorts.standard(Ledger.shared(LEDGER.store()), Map.of()))) {
            new OperatorAction(session).perform(operation, actor, reason);
        }
    }

    private RolloutRequest request(String actor) {
        return new RolloutRequest(
                bench.service(), environment, bench.v2().version(), Actor.of(actor), "abc123", null, false);
    }

    private TrafficRouter router() {
        return TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"));
    }

    @Test
    void shouldPromoteACanaryThroughEveryStep() throws Exception {
        ReleaseOutcome outcome = engine("canary", 3).canary(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
        assertThat(VersionProbe.awaitOnly(bench.haproxy().uri(), bench.v2().version(), 20))
                .containsOnlyKeys(bench.v2().version());
        List<ReleaseStep> steps = LEDGER.store().steps(outcome.releaseId());
        assertThat(steps.stream()
                        .filter(s -> s.step().kind() == StepKind.TRAFFIC)
                        .map(s -> s.step().weights().canary()))
                .containsExactly(10, 50, 100);
        // every weight change is announced in the ledger before it is applied
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step().kind() == StepKind.TRAFFIC) {
                assertThat(steps.get(i - 1).step().detail()).isInstanceOf(StepDetail.TrafficIntent.class);
            }
        }
        assertThat(steps.stream().filter(s -> s.step().kind() == StepKind.ANALYSIS))
                .anySatisfy(s -> assertThat(((StepDetail.Analysis) s.step().detail()).values())
                        .containsKey("errorRate"));
        assertThat(steps.stream().filter(s -> s.step().kind() == StepKind.ANALYSIS))
                .as("the criterion's threshold as the spec writes it")
                .anySatisfy(s -> assertThat(((StepDetail.Analysis) s.step().detail()).thresholds())
                        .containsEntry("errorRate", "< 1%"));
        assertThat(progress).anySatisfy(p -> assertThat(p.line()).contains("step 2/3", "canary 50 %"));
        assertThat(outcome.report()).contains("SUCCEEDED", "traffic-applied", "errorRate=< 1%");
    }

    @Test
    void shouldWriteAndAnnounceEachProgressChangeOnce() throws Exception {
        ReleaseSpec spec =
                SpecReader.read(bench.specFile(environment, "canary", 2)).value();
        AtomicInteger progressWrites = new AtomicInteger();
        ReleaseStore counting = (ReleaseStore) Proxy.newProxyInstance(
                ReleaseStore.class.getClassLoader(), new Class<?>[] {ReleaseStore.class}, (proxy, method, args) -> {
                    boolean movesProgress = method.getName().equals("updateProgress")
                            || (method.getName().equals("recordStep") && ((NewStep) args[1]).weights() != null);
                    if (movesProgress) {
                        progressWrites.incrementAndGet();
                    }
                    try {
                        return method.invoke(LEDGER.store(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReleaseEngine engine = new ReleaseEngine(
                counting,
                TrafficRouterRegistry.create(
                        TrafficRouterSettings.from(spec.traffic().orElseThrow())),
                HttpReleaseSignals.from(spec, Map.of()),
                RolloutPlan.from(spec),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                progress::add);

        ReleaseOutcome outcome = engine.canary(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        List<ReleaseEvent> events =
                LEDGER.store().outbox().read(new OutboxQuery(bench.service(), environment, null, 0, 10_000)).stream()
                        .map(OutboxEntry::event)
                        .filter(event -> event.releaseId().equals(outcome.releaseId()))
                        .toList();
        List<ReleaseEvent> advances = events.stream()
                .filter(event -> event.type() == EventType.STEP_RECORDED
                        && "TRAFFIC".equals(event.data().get("kind")))
                .toList();
        // Three steps, three advances: each moves the progress with one write and announces it with one event.
        assertThat(advances)
                .extracting(
                        event -> event.data().get("stepIndex"),
                        event -> event.data().get("canaryWeight"))
                .containsExactly(tuple(1, 10), tuple(2, 50), tuple(3, 100));
        assertThat(progressWrites).hasValue(advances.size());
        assertThat(events)
                .filteredOn(event -> event.type() == EventType.PROGRESS_UPDATED)
                .isEmpty();
        // The step numbers people see are the ledger's.
        assertThat(progress).anySatisfy(p -> assertThat(p.line()).contains("step 1/3", "canary 10 %"));
        assertThat(progress).anySatisfy(p -> assertThat(p.line()).contains("step 3/3", "canary 100 %"));
    }

    @Test
    void shouldRollBackWhenTheNewVersionReturnsFivePercentErrors() throws Exception {
        bench.v2().failFraction(0.05);
        // At 10 % of the bench's load v2 answers a few requests a second: the first window must hold enough of them
        // for 5 % errors to show on a loaded machine, so this test's steps are longer.

        ReleaseOutcome outcome = engine("canary", 8).canary(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
        assertThat(LEDGER.store().find(outcome.releaseId()).orElseThrow().currentStep())
                .isEqualTo(1);
        assertThat(LEDGER.store().steps(outcome.releaseId()).stream()
                        .filter(s -> s.step().detail() instanceof StepDetail.Analysis a && a.verdict() == Verdict.FAIL))
                .anySatisfy(s -> assertThat(((StepDetail.Analysis) s.step().detail())
                                .values()
                                .get("errorRate"))
                        // 5 % of the few requests v2 gets at 10 %: one error in 11 reads 0.09.
                        .isBetween(0.02, 0.2));
        assertThat(VersionProbe.awaitOnly(bench.haproxy().uri(), bench.v1().version(), 20))
                .containsOnlyKeys(bench.v1().version());
    }

    @Test
    void shouldRollBackWhenTheCanaryJudgeFindsTheNewVersionSlower() throws Exception {
        // The last good release is v1: the judge compares v2's samples with v1's (Mann-Whitney U, real Prometheus).
        var baseline = LEDGER.store()
                .start(
                        io.releasepilot.core.state.ReleaseRequest.of(
                                bench.service(),
                                environment,
                                bench.v1().version(),
                                io.releasepilot.core.release.ReleaseStrategy.CANARY,
                                Actor.of("alice")),
                        io.releasepilot.core.state.StartOptions.failFast());
        LEDGER.store().finish(baseline.id(), ReleaseState.SUCCEEDED, Actor.of("alice"), "baseline");
        bench.v2().slowDown(java.time.Duration.ofMillis(40));
        String s = "service=\\\"" + bench.service() + "\\\",version=\\\"{{version}}\\\"";
        String judge = "    judge:\n"
                + "      enabled: true\n"
                + "      minSamples: 4\n"
                + "      metrics:\n"
                + "        - name: meanLatency\n"
                + "          query: \"sum(rate(http_request_duration_seconds_sum{" + s + "}[3s]))"
                + " / sum(rate(http_request_duration_seconds_count{" + s + "}[3s])) * 1000\"\n"
                + "          direction: increase\n"
                + "          versionLabel: version\n";
        String yaml = bench.spec(environment, "canary", 20).replace("    judge: { enabled: false }\n", judge);
        java.nio.file.Path file = java.nio.file.Files.writeString(bench.dir().resolve("judge.yml"), yaml);
        ReleaseSpec spec = SpecReader.read(file).value();

        ReleaseOutcome outcome = engine(spec, router()).canary(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(LEDGER.store().steps(outcome.releaseId()))
                .filteredOn(step -> step.step().detail() instanceof StepDetail.Analysis a
                        && a.judge() != null
                        && a.judge().verdict() == Verdict.FAIL)
                .isNotEmpty();
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldRollBackAtOnceAfterThreeFailedHealthChecks() throws Exception {
        ReleaseEngine engine = engine("canary", 30);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request("alice")));
        awaitWeight(10);
        long failedAt = System.nanoTime();
        bench.v2().healthy(false);

        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failedAt);
        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason()).contains("healthCheckFailures");
        assertThat(seconds).isLessThan(10); // three 1 s probes, far from the 30 s step
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldSwitchBlueGreenAndComplete() throws Exception {
        ReleaseOutcome outcome = engine("blue-green", 2).blueGreen(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
        assertThat(outcome.report()).contains("smoke-checks", "WATCHING", "KEEPING_BLUE", "RETIRING");
    }

    @Test
    void shouldSwitchBackWhenATriggerFiresInTheWatchWindow() throws Exception {
        ReleaseEngine engine = engine("blue-green", 30);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.blueGreen(request("alice")));
        awaitWeight(100);
        bench.v2().healthy(false);

        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
        assertThat(VersionProbe.awaitOnly(bench.haproxy().uri(), bench.v1().version(), 20))
                .containsOnlyKeys(bench.v1().version());
    }

    @Test
    void shouldPauseResumeAndPromoteOnOperatorRequest() throws Exception {
        ReleaseEngine engine = engine("canary", 4);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request("alice")));
        awaitWeight(10);
        Actor bob = Actor.of("bob");

        operator(OperatorAction.Operation.PAUSE, bob, "looking at a dashboard");
        Thread.sleep(6_000); // longer than the step: a paused canary does not advance
        Release paused = LEDGER.store().inProgress(bench.service(), environment).orElseThrow();
        assertThat(paused.state()).isEqualTo(ReleaseState.PAUSED);
        assertThat(paused.weights().canary()).isEqualTo(10);
        operator(OperatorAction.Operation.RESUME, bob, "looks fine");
        operator(OperatorAction.Operation.PROMOTE, bob, "ship it");
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(outcome.reason()).contains("promoted");
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
        assertThat(outcome.report()).contains("PAUSE", "RESUME", "PROMOTE", "bob");
    }

    @Test
    void shouldRollBackOnAbort() throws Exception {
        ReleaseEngine engine = engine("canary", 30);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request("alice")));
        awaitWeight(10);

        operator(OperatorAction.Operation.ABORT, Actor.of("bob"), "wrong build");
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason()).contains("aborted");
        assertThat(router().current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
    }

    @Test
    void shouldEndAsRolledBackWhenSomeoneElseRollsTheReleaseBack() throws Exception {
        ReleaseEngine engine = engine("canary", 30);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request("alice")));
        awaitWeight(10);
        Release release =
                LEDGER.store().inProgress(bench.service(), environment).orElseThrow();

        new Rollback(LEDGER.store(), router())
                .perform(
                        release.id(),
                        Actor.of("alertmanager"),
                        "alert fired",
                        RollbackCause.Operator.ofReleaseInProgress());
        ReleaseOutcome outcome = run.get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(outcome.reason()).contains("alert fired");
    }

    @Test
    void shouldRefuseASecondRunForTheSameEnvironmentNamingTheHolder() throws Exception {
        ReleaseEngine engine = engine("canary", 30);
        CompletableFuture<ReleaseOutcome> run = CompletableFuture.supplyAsync(() -> engine.canary(request("alice")));
        awaitWeight(10);

        assertThatThrownBy(() -> engine.canary(request("carol")))
                .isInstanceOf(EnvironmentLockedException.class)
                .hasMessageContaining("alice")
                .hasMessageContaining(bench.v2().version());

        operator(OperatorAction.Operation.ABORT, Actor.of("alice"), "test over");
        assertThat(run.get(30, TimeUnit.SECONDS).state()).isEqualTo(ReleaseState.ROLLED_BACK);
    }

    @Test
    void shouldPromoteACanaryThroughNginx() throws Exception {
        Path dir = Files.createTempDirectory("rp-engine-nginx");
        try (NginxProcess nginx =
                NginxProcess.start(dir, bench.v1().port(), bench.v2().port())) {
            ReleaseSpec spec =
                    SpecReader.read(bench.specFile(environment, "canary", 3)).value();
            TrafficRouter router = TrafficRouterRegistry.create(
                    nginx.settings(bench.v1().port(), bench.v2().port()));
            bench.loadThrough(nginx.uri());

            ReleaseOutcome outcome = engine(spec, router).canary(request("alice"));

            assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
            assertThat(router.current().split()).isEqualTo(TrafficSplit.ALL_CANARY);
            assertThat(VersionProbe.awaitOnly(nginx.uri(), bench.v2().version(), 20))
                    .containsOnlyKeys(bench.v2().version());
        }
    }

    /**
     * Steps without criteria, no metrics section: the default triggers have no data source, nothing can stop it; it
     * goes on only because {@code onMissingData: continue} says so.
     */
    private ReleaseEngine blindEngine(String strategy) throws Exception {
        Path file = Files.writeString(
                bench.dir().resolve(environment + "-blind.yml"),
                "version: 1\n"
                        + "service: " + bench.service() + "\n"
                        + "environments:\n"
                        + "  - name: " + environment + "\n"
                        + "strategy:\n"
                        + "  type: " + strategy + "\n"
                        + "  canary:\n"
                        + "    analysisInterval: 1s\n"
                        + "    steps:\n"
                        + "      - { weight: 50%, duration: 1s }\n"
                        + "      - { weight: 100%, duration: 0s }\n"
                        + "    judge: { enabled: false }\n"
                        + "  blueGreen:\n"
                        + "    watchWindow: 1s\n"
                        + "    scaleDownDelay: 1s\n"
                        + "traffic:\n"
                        + "  router: haproxy\n"
                        + "  haproxy: { socket: \"" + bench.haproxy().socket()
                        + "\", backend: app, stable: blue, canary: green,"
                        + " timeout: 2s }\n"
                        // Written out: without it a release without data pauses instead of promoting.
                        + "rollback:\n"
                        + "  onMissingData: continue\n");
        ReleaseSpec spec = SpecReader.read(file).value();
        return engine(
                spec,
                TrafficRouterRegistry.create(
                        TrafficRouterSettings.from(spec.traffic().orElseThrow())));
    }

    @Test
    void shouldTellEveryLineAndTheReportThatABlindCanaryPromotes() throws Exception {
        ReleaseOutcome outcome = blindEngine("canary").canary(request("alice"));

        // onMissingData: continue is written out: it promotes, but says so.
        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(progress)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.line()).endsWith("· PROMOTING BLIND (no signal)"));
        assertThat(progress)
                .first()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("WARNING: the canary has no signal: no step has" + " criteria"));
        assertThat(outcome.report()).contains("- **Promoted blind (no signal):** the canary has no signal");
        assertThat(LEDGER.store().steps(outcome.releaseId()).stream()
                        .map(s -> s.step().detail())
                        .filter(StepDetail.NoSignal.class::isInstance))
                .singleElement()
                .isInstanceOfSatisfying(StepDetail.NoSignal.class, note -> {
                    assertThat(note.reason()).startsWith("the canary has no signal");
                    assertThat(note.hint()).contains("metrics.prometheus");
                });
    }

    @Test
    void shouldWarnThatABlueGreenWatchWindowWithoutSignalIsBlind() throws Exception {
        ReleaseOutcome outcome = blindEngine("blue-green").blueGreen(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(progress)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.line()).endsWith("· WATCHING BLIND (no signal)"));
        assertThat(progress).anySatisfy(p -> assertThat(p.message()).contains("WATCHING"));
        assertThat(outcome.report()).contains("the blue-green watch window has no signal");
    }

    @Test
    void shouldNotCallACanaryWithCriteriaAndTriggersBlind() throws Exception {
        ReleaseOutcome outcome = engine("canary", 1).canary(request("alice"));

        assertThat(outcome.state()).as(outcome.report()).isEqualTo(ReleaseState.SUCCEEDED);
        assertThat(progress).isNotEmpty().noneSatisfy(p -> assertThat(p.line()).contains("BLIND"));
        assertThat(outcome.report()).doesNotContain("blind");
    }

    private void awaitWeight(int canary) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            var release = LEDGER.store().inProgress(bench.service(), environment);
            if (release.isPresent()
                    && release.get().weights() != null
                    && release.get().weights().canary() == canary) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("canary never reached " + canary + " %; progress: " + progress);
    }
}
