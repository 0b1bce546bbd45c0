package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step through {@link CoreReleaseOperations} on a fake Jenkins host (step context, run, log): the ledger in the
 * shared test Postgres (own schema), HAProxy in front of two real sample services scraped by the shared Prometheus
 * ({@link ReleaseBench}). Steps last seconds.
 */
@Timeout(90)
class JenkinsStepsIT {
    private static final String ENVIRONMENT = "production";
    private static String schema;
    private static ConnectionSettings settings;
    private static PostgresReleaseStore ledger;

    @TempDir
    Path workspace;

    private @Nullable ReleaseBench bench;
    private final FakeRun build = new FakeRun(new FakeJob(), "alice");
    private final FakeTaskListener buildLog = new FakeTaskListener();

    @BeforeAll
    static void openLedger() {
        schema = LedgerDatabases.uniqueSchema();
        String password = TestServices.get("RP_PG_PASSWORD");
        settings = new ConnectionSettings(
                TestServices.get("RP_PG_URL"),
                TestServices.get("RP_PG_USER"),
                password.isEmpty() ? null : password,
                null,
                null,
                null);
        ledger = PostgresReleaseStore.open(
                StateStoreConfig.server(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())
                        .withSchema(schema));
    }

    @AfterAll
    static void closeLedger() {
        ledger.close();
    }

    @AfterEach
    void stopBench() throws Exception {
        if (bench != null) {
            bench.close();
        }
    }

    /** The Jenkins instance: its operations are the core-backed ones on the test ledger. */
    private static class CoreHost extends FakeReleaseHost {
        @Override
        public ReleaseOperations operations(Run<?, ?> run, java.util.Map<String, String> variables) {
            return new CoreReleaseOperations(settings, schema);
        }
    }

    private ReleaseBench bench(String strategy, int stepSeconds, String extra) throws Exception {
        bench = ReleaseBench.start();
        Files.writeString(
                workspace.resolve("release-pilot.yml"), bench.spec(ENVIRONMENT, strategy, stepSeconds) + extra);
        bench.awaitScraped();
        return bench;
    }

    private FakeStepContext context(FakeRun run, FakeTaskListener log, ReleaseHost host, boolean withWorkspace) {
        FakeStepContext ctx = new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, log)
                .with(ReleaseHost.class, host);
        return withWorkspace ? ctx.with(AgentWorkspace.class, new LocalAgent(workspace, log, true)) : ctx;
    }

    /** Runs a step to its end in its own build (user bob), as an operator's Pipeline would. */
    private FakeStepContext.Completion operatorStep(Step step, FakeRun run, FakeTaskListener log) throws Exception {
        FakeStepContext ctx = context(run, log, new CoreHost(), true);
        assertThat(step.start(ctx).start()).isFalse();
        return ctx.awaitCompletion();
    }

    private CanaryPromoteStep canary() {
        CanaryPromoteStep step = new CanaryPromoteStep(ENVIRONMENT);
        step.setVersion(bench.v2().version());
        return step;
    }

    private int canaryWeight() {
        return TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green"))
                .current()
                .split()
                .canary();
    }

    private void awaitCanaryWeight(int weight) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (canaryWeight() != weight) {
            assertThat(System.nanoTime()).as("canary weight " + weight).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Release release() {
        return ledger.releasesSince(bench.service(), ENVIRONMENT, Instant.EPOCH).stream()
                .map(r -> ledger.find(r.releaseId()).orElseThrow())
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void shouldGateOnWorkspaceReportsAndRecordTheVerdict() throws Exception {
        String spec = "version: 1\nservice: gated\nenvironments:\n  - name: staging\ngates:\n  objectives:\n"
                + "    - { name: tests, source: junit, metric: failed, comparator: \"<=\", pass: 0, weight: 1,"
                + " key: true }\n";
        Files.writeString(workspace.resolve("release-pilot.yml"), spec);
        Path reports = Files.createDirectories(workspace.resolve("target/surefire-reports"));
        Files.writeString(
                reports.resolve("TEST-A.xml"),
                "<testsuite name=\"A\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">"
                        + "<testcase name=\"a\" classname=\"A\"/><testcase name=\"b\" classname=\"A\">"
                        + "<failure message=\"boom\">boom</failure></testcase></testsuite>");
        ReleaseGateStep step = new ReleaseGateStep();
        step.setEnvironment("staging");
        step.setReports("target/surefire-reports/*.xml");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(buildLog.text()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("FAIL");
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("gate failed");
        assertThat(build.getAction(ReleaseSummaryAction.class).getReports())
                .singleElement()
                .asString()
                .contains("tests");
        assertThat(buildLog.text()).contains("[release-pilot]", "FAIL  tests");
    }

    @Test
    void shouldBypassAFailedGateForAnAuthorisedUserAndAuditIt() throws Exception {
        String spec = "version: 1\nservice: gated\nenvironments:\n  - name: staging\ngates:\n"
                + "  bypass: { authority: [alice] }\n  objectives:\n"
                + "    - { name: tests, source: junit, metric: failed, comparator: \"<=\", pass: 0, key: true }\n";
        Files.writeString(workspace.resolve("release-pilot.yml"), spec);
        Files.writeString(
                workspace.resolve("TEST-A.xml"),
                "<testsuite><testcase name=\"a\"/><testcase name=\"b\"><failure/></testcase></testsuite>");
        Release running = ledger.start(
                ReleaseRequest.of("gated", "staging", "2.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                StartOptions.failFast());
        FakeRun refusedBuild = new FakeRun(new FakeJob(), "mallory");
        ReleaseGateStep step = new ReleaseGateStep();
        step.setEnvironment("staging");
        step.setReports("TEST-*.xml");
        step.setBypass(true);
        step.setReason("known flaky test, fix tracked");

        FakeTaskListener refusedLog = new FakeTaskListener();
        FakeStepContext refusedCtx = context(refusedBuild, refusedLog, new CoreHost(), true);
        step.start(refusedCtx).start();
        FakeStepContext.Completion refused = refusedCtx.awaitCompletion();
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        step.start(ctx).start();
        FakeStepContext.Completion granted = ctx.awaitCompletion();

        assertThat(refused.success()).as(refusedLog.text()).isFalse();
        assertThat(refusedLog.text()).contains("bypass refused: 'mallory' is not in gates.bypass.authority");
        assertThat(granted.success()).as(buildLog.text()).isTrue();
        assertThat(granted.value()).isEqualTo("FAIL");
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("gate bypassed");
        assertThat(buildLog.text()).contains("bypass granted: alice bypassed a FAIL gate");
        assertThat(ledger.steps(running.id()))
                .filteredOn(s -> s.step().kind() == StepKind.GATE)
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.step().detail())
                        .isInstanceOfSatisfying(
                                StepDetail.Gate.class,
                                gate -> assertThat(gate.verdict()).isEqualTo(Verdict.FAIL)));
        assertThat(ledger.auditTrail(running.id()))
                .filteredOn(e -> e.action() == AuditAction.BYPASS)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor().name()).isEqualTo("alice");
                    assertThat(e.actor().ciRunUrl()).isEqualTo("https://ci.example.com/job/checkout-deploy/42/");
                    assertThat(e.reason()).contains("known flaky test");
                });
        ledger.finish(running.id(), io.releasepilot.core.state.ReleaseState.ABORTED, Actor.of("ci"), "test over");
    }

    @Test
    void shouldPromoteARunningCanaryFromAnOperatorBuild() throws Exception {
        bench("canary", 30, "");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        canary().start(ctx).start();
        awaitCanaryWeight(10);
        FakeRun ops = new FakeRun(new FakeJob(), "bob");
        ReleasePromoteStep promote = new ReleasePromoteStep(ENVIRONMENT);
        promote.setReason("dashboards clean");

        FakeStepContext.Completion promoted = operatorStep(promote, ops, new FakeTaskListener());

        assertThat(promoted.success()).isTrue();
        assertThat(promoted.value()).isEqualTo("PROMOTED");
        assertThat(ops.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("promoted");
        // The running canary skips its 30 s steps and completes.
        FakeStepContext.Completion c = ctx.awaitCompletion();
        assertThat(c.success()).as(buildLog.text()).isTrue();
        assertThat(c.value()).isEqualTo("COMPLETED");
        assertThat(canaryWeight()).isEqualTo(100);
        assertThat(ledger.auditTrail(release().id()))
                .extracting(e -> e.action() + " " + e.actor().name())
                .contains("PROMOTE bob");
    }

    @Test
    void shouldPromoteACanaryAndBadgeTheBuild() throws Exception {
        bench("canary", 2, "");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);

        execution.start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(buildLog.text()).isTrue();
        assertThat(c.value()).isEqualTo("COMPLETED");
        ReleaseBadgeAction badge = build.getAction(ReleaseBadgeAction.class);
        assertThat(badge.getOutcome()).isEqualTo("released");
        assertThat(badge.getText()).contains(bench.v2().version(), ENVIRONMENT);
        assertThat(build.getAction(ReleaseSummaryAction.class).getReports())
                .singleElement()
                .asString()
                .contains("SUCCEEDED", "traffic-applied");
        assertThat(buildLog.text()).contains("[release-pilot] [canary] step 2/3", "canary 50 %");
        assertThat(canaryWeight()).isEqualTo(100);
        assertThat(VersionProbe.awaitOnly(bench.haproxy().uri(), bench.v2().version(), 20))
                .containsOnlyKeys(bench.v2().version());
        Release release = release();
        assertThat(badge.getReleaseId()).isEqualTo(release.id().toString());
        assertThat(release.request().actor().name()).isEqualTo("alice");
        assertThat(release.request().actor().ciRunUrl()).isEqualTo("https://ci.example.com/job/checkout-deploy/42/");
        assertThat(ledger.steps(release.id()))
                .anySatisfy(s -> assertThat(s.step().detail())
                        .isInstanceOfSatisfying(StepDetail.HostNote.class, note -> {
                            assertThat(note.event()).isEqualTo(CoreReleaseOperations.STEP_NOTE);
                            assertThat(note.hostReleaseId()).isEqualTo(execution.releaseId());
                        }));
        // The release records the spec it ran with.
        assertThat(release.request().specHash()).matches("[0-9a-f]{64}");

        // The finished release is left alone by the RunListener: no error, nothing written.
        int steps = ledger.steps(release.id()).size();
        build.finish(Result.SUCCESS);
        FakeTaskListener listenerLog = new FakeTaskListener();
        new ReleaseRunListener(new CoreHost()).onCompleted(build, listenerLog);
        assertThat(listenerLog.text()).isEmpty();
        assertThat(ledger.steps(release.id())).hasSize(steps);
    }

    @Test
    void shouldFailTheBuildWhenTheCanaryIsRolledBackOnFailedHealthChecks() throws Exception {
        bench("canary", 30, "");
        bench.v2().healthy(false);
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);

        canary().start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(buildLog.text()).isFalse();
        assertThat(((AbortException) c.value()).getMessage()).contains("ended ROLLED_BACK");
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("rolled back");
        assertThat(build.getAction(ReleaseSummaryAction.class).getReports())
                .singleElement()
                .asString()
                .contains("ROLLED_BACK", "healthCheckFailures");
        assertThat(canaryWeight()).isZero();
        assertThat(VersionProbe.awaitOnly(bench.haproxy().uri(), bench.v1().version(), 20))
                .containsOnlyKeys(bench.v1().version());
    }

    @Test
    void shouldSwitchBlueGreen() throws Exception {
        bench("blue-green", 2, "");
        BlueGreenCutoverStep step = new BlueGreenCutoverStep(ENVIRONMENT);
        step.setVersion(bench.v2().version());
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(buildLog.text()).isTrue();
        assertThat(c.value()).isEqualTo("COMPLETED");
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("released");
        assertThat(build.getAction(ReleaseSummaryAction.class).getReports())
                .singleElement()
                .asString()
                .contains("smoke-checks", "WATCHING");
        assertThat(canaryWeight()).isEqualTo(100);
    }

    /**
     * The controller orchestrates, the agent executes: the step's work runs in another JVM (the agent), so the spec's
     * deploy hook is a child of that JVM, never of this one (the controller), and HAProxy and Prometheus are reached
     * from there.
     */
    @Test
    void shouldRunTheSpecsHooksOnTheAgentNeverTheController() throws Exception {
        bench("blue-green", 2, "");
        Path pidFile = workspace.resolve("deploy-hook.ppid");
        String hook = "    deploy: { command: [\"sh\", \"-c\", \"echo $PPID > " + pidFile + "\"], timeout: 20s }\n";
        Files.writeString(
                workspace.resolve("release-pilot.yml"),
                Files.readString(workspace.resolve("release-pilot.yml"))
                        .replace("  blueGreen:\n", "  blueGreen:\n" + hook));
        ChildJvmAgent agent = new ChildJvmAgent(workspace, buildLog);
        BlueGreenCutoverStep step = new BlueGreenCutoverStep(ENVIRONMENT);
        step.setVersion(bench.v2().version());
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), false).with(AgentWorkspace.class, agent);

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(buildLog.text()).isTrue();
        assertThat(canaryWeight()).isEqualTo(100);
        long hookParent = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(agent.pids).singleElement().isEqualTo(hookParent);
        assertThat(hookParent).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(release().request().actor().name()).isEqualTo("alice");
    }

    @Test
    void shouldPauseResumeAndAbortARunningCanaryFromOperatorBuilds() throws Exception {
        bench("canary", 30, "");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        canary().start(ctx).start();
        awaitCanaryWeight(10);
        FakeRun ops = new FakeRun(new FakeJob(), "bob");

        ReleasePauseStep pause = new ReleasePauseStep(ENVIRONMENT);
        pause.setReason("looking at a dashboard");
        assertThat(operatorStep(pause, ops, new FakeTaskListener()).value()).isEqualTo("PAUSED");
        assertThat(release().state()).isEqualTo(io.releasepilot.core.state.ReleaseState.PAUSED);
        assertThat(ops.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("paused");

        // The operator build ends while the release is still in progress: the RunListener adds it to the release.
        ops.finish(Result.SUCCESS);
        new ReleaseRunListener(new CoreHost()).onCompleted(ops, new FakeTaskListener());
        assertThat(ledger.steps(release().id()))
                .anySatisfy(s -> assertThat(s.step().detail())
                        .isInstanceOfSatisfying(StepDetail.HostNote.class, note -> {
                            assertThat(note.event()).isEqualTo(CoreReleaseOperations.BUILD_NOTE);
                            assertThat(note.actor()).isEqualTo("bob");
                            assertThat(note.result()).isEqualTo("SUCCESS");
                        }));

        assertThat(operatorStep(new ReleaseResumeStep(ENVIRONMENT), ops, new FakeTaskListener())
                        .value())
                .isEqualTo("RESUMED");
        assertThat(release().state()).isEqualTo(io.releasepilot.core.state.ReleaseState.IN_PROGRESS);

        ReleaseAbortStep abort = new ReleaseAbortStep(ENVIRONMENT);
        abort.setReason("wrong build");
        assertThat(operatorStep(abort, ops, new FakeTaskListener()).value()).isEqualTo("ABORTED");

        // The running canary acts on the abort: it rolls back and its build fails.
        FakeStepContext.Completion c = ctx.awaitCompletion();
        assertThat(c.success()).as(buildLog.text()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("ended ROLLED_BACK");
        assertThat(canaryWeight()).isZero();
        assertThat(ledger.auditTrail(release().id()))
                .extracting(e -> e.action() + " " + e.actor().name())
                .contains("PAUSE bob", "RESUME bob", "ABORT bob");
    }

    @Test
    void shouldRollBackManuallyAndFailWhenNothingIsInProgress() throws Exception {
        bench("canary", 30, "");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        canary().start(ctx).start();
        awaitCanaryWeight(10);
        FakeRun ops = new FakeRun(new FakeJob(), "bob");
        ReleaseRollbackStep rollback = new ReleaseRollbackStep(ENVIRONMENT);
        rollback.setReason("customer reports");

        FakeStepContext.Completion done = operatorStep(rollback, ops, new FakeTaskListener());

        assertThat(done.success()).isTrue();
        assertThat(done.value()).isEqualTo("ROLLED_BACK");
        assertThat(canaryWeight()).isZero();
        assertThat(ctx.awaitCompletion().success()).isFalse();
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("rolled back");

        // No release in progress and no earlier successful one: a clear failure, no stack trace.
        FakeTaskListener log = new FakeTaskListener();
        FakeStepContext.Completion nothing = operatorStep(new ReleaseRollbackStep(ENVIRONMENT), ops, log);
        assertThat(nothing.success()).isFalse();
        assertThat(nothing.value()).isInstanceOf(AbortException.class);
        assertThat(((Throwable) nothing.value()).getMessage()).contains("nothing to roll back");
    }

    @Test
    void shouldContinueTheSameReleaseAfterARestart() throws Exception {
        bench("canary", 3, "");
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch died = new CountDownLatch(1);
        CoreHost beforeRestart = new CoreHost() {
            @Override
            public ReleaseOperations operations(Run<?, ?> run, java.util.Map<String, String> variables) {
                return new WorkerRecordingOperations(super.operations(run, variables), worker, died);
            }
        };
        // In memory: the recorder shares the worker thread with the test (the restored step's agent serializes).
        FakeStepContext ctx = context(build, buildLog, beforeRestart, true)
                .with(AgentWorkspace.class, new LocalAgent(workspace, buildLog));
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);
        execution.start();
        awaitCanaryWeight(10);
        UUID ledgerId = release().id();

        // The controller dies: its worker stops without a word, and the program state is all that is left.
        byte[] programState = serialize(execution);
        worker.get().interrupt();
        assertThat(died.await(10, TimeUnit.SECONDS)).isTrue();
        RolloutExecution restored = deserialize(programState);
        FakeTaskListener restartedLog = new FakeTaskListener();
        FakeStepContext restoredContext = (FakeStepContext) restored.context();
        restoredContext
                .with(Run.class, build)
                .with(TaskListener.class, restartedLog)
                .with(ReleaseHost.class, new CoreHost())
                .with(AgentWorkspace.class, new LocalAgent(workspace, restartedLog, true));

        restored.onResume();
        FakeStepContext.Completion c = restoredContext.awaitCompletion();

        assertThat(c.success()).as(restartedLog.text()).isTrue();
        assertThat(c.value()).isEqualTo("COMPLETED");
        assertThat(restored.releaseId()).isEqualTo(execution.releaseId());
        assertThat(restartedLog.text()).contains("Jenkins restarted, continuing canary to production");
        assertThat(ledger.releasesSince(bench.service(), ENVIRONMENT, Instant.EPOCH))
                .singleElement()
                .satisfies(r -> assertThat(r.releaseId()).isEqualTo(ledgerId));
        assertThat(ledger.auditTrail(ledgerId)).extracting(e -> e.action()).contains(AuditAction.TAKEOVER);
        assertThat(build.getAction(ReleaseBadgeAction.class).getReleaseId()).isEqualTo(ledgerId.toString());
        assertThat(canaryWeight()).isEqualTo(100);

        // Resuming again (a second restart after the end) only reports the outcome.
        restored.onResume();
        assertThat(restoredContext.awaitCompletion().value()).isEqualTo("COMPLETED");
        assertThat(ledger.releasesSince(bench.service(), ENVIRONMENT, Instant.EPOCH))
                .hasSize(1);
    }

    @Test
    void shouldRollBackWhenTheBuildIsAborted() throws Exception {
        bench("canary", 30, "");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);
        execution.start();
        awaitCanaryWeight(10);
        InterruptedException abort = new InterruptedException("aborted by alice");

        execution.stop(abort);
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(c.value()).isSameAs(abort);
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("rolled back");
        assertThat(release().state()).isEqualTo(io.releasepilot.core.state.ReleaseState.ROLLED_BACK);
        assertThat(canaryWeight()).isZero();
        assertThat(buildLog.text()).contains("build aborted; release", "is ROLLED_BACK");
    }

    @Test
    void shouldLeaveTrafficWhenTheSpecSaysLeaveOnAbort() throws Exception {
        bench("canary", 30, "  onAbort: leave\n");
        FakeStepContext ctx = context(build, buildLog, new CoreHost(), true);
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);
        execution.start();
        awaitCanaryWeight(10);

        execution.stop(new InterruptedException("aborted by alice"));
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(build.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("aborted");
        assertThat(release().state()).isEqualTo(io.releasepilot.core.state.ReleaseState.PAUSED);
        assertThat(ledger.auditTrail(release().id()))
                .anySatisfy(e -> assertThat(e.reason()).contains("rollback.onAbort: leave"));
        Thread.sleep(1_500); // the interrupted engine must not move traffic after the abort
        assertThat(canaryWeight()).isEqualTo(10);
    }

    private static byte[] serialize(StepExecution execution) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    private static RolloutExecution deserialize(byte[] state) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            return (RolloutExecution) in.readObject();
        }
    }

    /** The operations as before, remembering the worker thread that runs the rollout (to kill it like a restart). */
    private record WorkerRecordingOperations(
            ReleaseOperations delegate, AtomicReference<Thread> worker, CountDownLatch died)
            implements ReleaseOperations {
        @Override
        public GateOutcome gate(GateRequest request, ProgressLog log) throws InterruptedException {
            return delegate.gate(request, log);
        }

        @Override
        public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException {
            worker.set(Thread.currentThread());
            try {
                return delegate.canary(request, log);
            } finally {
                died.countDown();
            }
        }

        @Override
        public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException {
            worker.set(Thread.currentThread());
            return delegate.blueGreen(request, log);
        }

        @Override
        public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) throws InterruptedException {
            return delegate.continueRelease(request, log);
        }

        @Override
        public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) throws InterruptedException {
            return delegate.rollback(request, log);
        }

        @Override
        public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
            return delegate.promote(request, log);
        }

        @Override
        public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
            return delegate.pause(request, log);
        }

        @Override
        public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
            return delegate.resume(request, log);
        }

        @Override
        public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
            return delegate.abort(request, log);
        }

        @Override
        public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
            return delegate.stopForBuildAbort(request, reason, log);
        }

        @Override
        public void recordBuild(BuildRecord record) {
            delegate.recordBuild(record);
        }
    }
}
