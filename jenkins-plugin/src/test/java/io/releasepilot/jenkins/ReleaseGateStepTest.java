package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.releasepilot.core.release.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseGateStepTest {
    @TempDir
    Path workspace;

    private final FakeReleaseHost host = new FakeReleaseHost();
    private final FakeTaskListener listener = new FakeTaskListener();
    private final FakeRun run = new FakeRun(new FakeJob(), "alice");

    private FakeStepContext context(LocalAgent ws) {
        return new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(ReleaseHost.class, host)
                .with(AgentWorkspace.class, ws);
    }

    private FakeStepContext.Completion gate(Verdict verdict, FakeStepContext ctx) throws Exception {
        host.operations.gate = new GateOutcome(verdict, "1.4.0", "staging", "| tests | 0 failed |");
        ReleaseGateStep step = new ReleaseGateStep();
        step.setEnvironment("staging");
        step.setReports("target/surefire-reports/*.xml, target/site/jacoco/jacoco.xml");
        assertThat(step.start(ctx).start())
                .as("asynchronous: start() returns at once")
                .isFalse();
        return ctx.awaitCompletion();
    }

    @Test
    void shouldSucceedAndBadgeTheRunWhenTheGatePasses() throws Exception {
        LocalAgent ws = new LocalAgent(workspace, listener);
        FakeStepContext ctx = context(ws);

        FakeStepContext.Completion c = gate(Verdict.PASS, ctx);

        assertThat(c.success()).isTrue();
        assertThat(c.value()).isEqualTo("PASS");
        assertThat(ctx.result).isNull();
        GateRequest request = (GateRequest) host.operations.calls.get(0);
        assertThat(request.workspace()).isEqualTo(workspace);
        assertThat(request.reports()).containsExactly("target/surefire-reports/*.xml", "target/site/jacoco/jacoco.xml");
        assertThat(request.specPath()).isEqualTo("release-pilot.yml");
        assertThat(request.context())
                .isEqualTo(new ReleaseContext(
                        "checkout-deploy#42", "https://ci.example.com/job/checkout-deploy/42/", "alice"));
        assertThat(ws.tasks)
                .as("the gate ran on the agent holding the workspace")
                .singleElement()
                .isInstanceOf(AgentTasks.Gate.class);
        ReleaseBadgeAction badge = run.getAction(ReleaseBadgeAction.class);
        assertThat(badge.getText()).isEqualTo("Release Pilot: 1.4.0 → staging: gate passed");
        assertThat(run.getAction(ReleaseSummaryAction.class).getReports()).containsExactly("| tests | 0 failed |");
        assertThat(listener.text()).contains("[release-pilot] evaluated release-pilot.yml");
    }

    @Test
    void shouldMarkTheBuildUnstableOnWarning() throws Exception {
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));

        FakeStepContext.Completion c = gate(Verdict.WARNING, ctx);

        assertThat(c.success()).isTrue();
        assertThat(ctx.result).isSameAs(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheStepWithoutStackTraceOnFail() throws Exception {
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));

        FakeStepContext.Completion c = gate(Verdict.FAIL, ctx);

        assertThat(c.success()).isFalse();
        assertThat(c.value()).isInstanceOf(AbortException.class);
        assertThat(((Throwable) c.value()).getMessage()).contains("quality gate FAIL for 1.4.0 → staging");
        assertThat(run.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("gate failed");
    }

    @Test
    void shouldLetAGrantedBypassThroughAndBadgeIt() throws Exception {
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));
        host.operations.gate = new GateOutcome(
                Verdict.FAIL, "1.4.0", "staging", "| tests | 1 failed |", "alice bypassed a FAIL gate: flaky");
        ReleaseGateStep step = new ReleaseGateStep();
        step.setEnvironment("staging");
        step.setBypass(true);
        step.setReason("  flaky  ");

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isTrue();
        assertThat(c.value()).isEqualTo("FAIL");
        assertThat(ctx.result).isNull();
        GateRequest request = (GateRequest) host.operations.calls.get(0);
        assertThat(request.bypass()).isTrue();
        assertThat(request.reason()).isEqualTo("flaky");
        assertThat(run.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("gate bypassed");
        assertThat(listener.text()).contains("quality gate FAIL (bypassed)");
    }

    @Test
    void shouldAskForNoBypassUnlessTold() throws Exception {
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));

        gate(Verdict.PASS, ctx);

        GateRequest request = (GateRequest) host.operations.calls.get(0);
        assertThat(request.bypass()).isFalse();
        assertThat(request.reason()).isNull();
    }

    @Test
    void shouldRefuseABypassWithoutALedgerToAuditItIn() throws Exception {
        java.nio.file.Files.writeString(workspace.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  bypass: { authority: [alice] }
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
        FakeStepContext ctx = coreBacked(context(new LocalAgent(workspace, listener)));
        ReleaseGateStep step = new ReleaseGateStep();
        step.setEnvironment("staging");
        step.setBypass(true);
        step.setReason("flaky");

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("no release ledger is configured");
    }

    @Test
    void shouldNeverPassAnInconclusiveGate() throws Exception {
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));

        FakeStepContext.Completion c = gate(Verdict.INCONCLUSIVE, ctx);

        assertThat(c.success()).isFalse();
    }

    @Test
    void shouldReportACoreErrorAsAMessage() throws Exception {
        FakeStepContext failing = coreBacked(context(new LocalAgent(workspace, listener)));

        new ReleaseGateStep().start(failing).start();
        FakeStepContext.Completion c = failing.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(c.value()).isInstanceOf(AbortException.class);
        assertThat(((Throwable) c.value()).getMessage()).startsWith("Release Pilot: no spec at release-pilot.yml");
    }

    @Test
    void shouldEvaluateTheSpecsGatesThroughTheCore() throws Exception {
        java.nio.file.Files.writeString(workspace.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
        java.nio.file.Files.createDirectories(workspace.resolve("target"));
        java.nio.file.Files.writeString(
                workspace.resolve("target/TEST-a.xml"),
                "<testsuite><testcase name=\"ok\"/><testcase name=\"bad\"><failure/></testcase></testsuite>");
        FakeStepContext ctx = coreBacked(context(new LocalAgent(workspace, listener)));
        ReleaseGateStep step = new ReleaseGateStep();
        step.setReports("target/TEST-*.xml");

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("quality gate FAIL");
        assertThat(listener.text()).contains("FAIL  tests: failed = 1");
        assertThat(run.getAction(ReleaseSummaryAction.class)).isNotNull();
    }

    @Test
    void shouldRefuseASpecOrReportThatLinksOutOfTheWorkspace() throws Exception {
        Path outside = java.nio.file.Files.createTempFile("outside", ".xml");
        java.nio.file.Files.writeString(outside, "<testsuite><testcase name=\"ok\"/></testsuite>");
        java.nio.file.Files.createSymbolicLink(workspace.resolve("release-pilot.yml"), outside);
        FakeStepContext viaSpec = coreBacked(context(new LocalAgent(workspace, listener)));

        new ReleaseGateStep().start(viaSpec).start();
        FakeStepContext.Completion spec = viaSpec.awaitCompletion();

        assertThat(spec.success()).isFalse();
        assertThat(((Throwable) spec.value()).getMessage())
                .contains("the spec path 'release-pilot.yml' leads out of the workspace");

        java.nio.file.Files.delete(workspace.resolve("release-pilot.yml"));
        java.nio.file.Files.writeString(workspace.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
        java.nio.file.Files.createDirectories(workspace.resolve("target"));
        java.nio.file.Files.createSymbolicLink(workspace.resolve("target/TEST-stolen.xml"), outside);
        FakeStepContext viaReport = coreBacked(context(new LocalAgent(workspace, listener)));
        ReleaseGateStep step = new ReleaseGateStep();
        step.setReports("target/TEST-*.xml");

        step.start(viaReport).start();
        FakeStepContext.Completion report = viaReport.awaitCompletion();

        assertThat(report.success()).isFalse();
        assertThat(((Throwable) report.value()).getMessage())
                .contains("report TEST-stolen.xml leads out of the workspace");
        java.nio.file.Files.delete(outside);
    }

    @Test
    void shouldRefuseHostileReportGlobs() throws Exception {
        ReleaseGateStep step = new ReleaseGateStep();
        step.setReports("target/*.xml, ../../../etc/*");
        FakeStepContext ctx = context(new LocalAgent(workspace, listener));

        step.start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage())
                .isEqualTo("Release Pilot: the report glob '../../../etc/*' leaves the workspace with '..': name a path"
                        + " inside it");
        assertThat(host.operations.calls).isEmpty();
    }

    private static FakeStepContext coreBacked(FakeStepContext ctx) {
        return ctx.with(ReleaseHost.class, new FakeReleaseHost() {
            @Override
            public ReleaseOperations operations(Run<?, ?> r, java.util.Map<String, String> variables) {
                return new CoreReleaseOperations(new ConnectionSettings(null, null, null, null, null, null), null);
            }
        });
    }
}
