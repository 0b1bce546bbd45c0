package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutStepsTest {
    @TempDir
    Path workspace;

    private final FakeReleaseHost host = new FakeReleaseHost();
    private final FakeTaskListener listener = new FakeTaskListener();
    private final FakeRun run = new FakeRun(new FakeJob(), null);

    private FakeStepContext context() {
        return new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(ReleaseHost.class, host)
                .with(AgentWorkspace.class, new LocalAgent(workspace, listener));
    }

    private static CanaryPromoteStep canary() {
        CanaryPromoteStep step = new CanaryPromoteStep("production");
        step.setVersion("1.4.0");
        step.setSpec("deploy/release-pilot.yml");
        return step;
    }

    @Test
    void shouldCompleteACanaryAndSaveItsReleaseIdBeforeWorking() throws Exception {
        FakeStepContext ctx = context();
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);

        assertThat(execution.start()).isFalse();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isTrue();
        assertThat(c.value()).isEqualTo("COMPLETED");
        assertThat(ctx.saves).isEqualTo(1);
        RolloutRequest request = (RolloutRequest) host.operations.calls.get(0);
        assertThat(request.releaseId()).isEqualTo(execution.releaseId());
        assertThat(request.specPath()).isEqualTo("deploy/release-pilot.yml");
        assertThat(request.version()).isEqualTo("1.4.0");
        assertThat(request.context().actor()).isEqualTo("jenkins");
        assertThat(run.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("released");
    }

    @Test
    void shouldFailTheBuildWhenTheCanaryRolledBack() throws Exception {
        host.operations.rolloutState = ReleaseState.ROLLED_BACK;
        FakeStepContext ctx = context();

        canary().start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(((AbortException) c.value()).getMessage())
                .contains("canary of 1.4.0 to production ended ROLLED_BACK");
        assertThat(run.getAction(ReleaseBadgeAction.class).getIcon()).isEqualTo("symbol-undo");
    }

    @Test
    void shouldContinueTheSameReleaseAfterARestart() throws Exception {
        FakeStepContext ctx = context();
        RolloutExecution execution = (RolloutExecution) canary().start(ctx);
        execution.start();
        ctx.awaitCompletion();

        execution.onResume();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isTrue();
        assertThat(host.operations.calls).contains("continue " + execution.releaseId());
        RolloutRequest continued = (RolloutRequest) host.operations.calls.get(host.operations.calls.size() - 1);
        assertThat(continued.specPath()).isEqualTo("deploy/release-pilot.yml");
        assertThat(continued.version()).isEqualTo("1.4.0");
        assertThat(continued.kind()).isEqualTo(RolloutRequest.Kind.CANARY);
        assertThat(continued.workspace()).isEqualTo(workspace);
        assertThat(listener.text()).contains("Jenkins restarted, continuing canary to production");
    }

    @Test
    void shouldStopTheReleaseWhenTheBuildIsAborted() throws Exception {
        host.operations.blockRollouts = true;
        FakeStepContext ctx = context();
        BlueGreenCutoverStep step = new BlueGreenCutoverStep("production");
        RolloutExecution execution = (RolloutExecution) step.start(ctx);
        execution.start();
        host.operations.rolloutEntered.await();
        InterruptedException abort = new InterruptedException("aborted by alice");

        execution.stop(abort);
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).isFalse();
        assertThat(c.value()).isSameAs(abort);
        assertThat(host.operations.rolloutInterrupted).isTrue();
        assertThat(host.operations.calls)
                .contains("stop " + execution.releaseId() + ": build aborted: aborted by alice");
        assertThat(run.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("rolled back");
    }

    private FakeStepContext.Completion start(RolloutStep step, FakeStepContext ctx) throws Exception {
        step.start(ctx).start();
        return ctx.awaitCompletion();
    }

    @Test
    void shouldRefuseToReleaseWithoutAnAgentWorkspace() throws Exception {
        FakeStepContext ctx = new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(ReleaseHost.class, host);

        FakeStepContext.Completion c = start(canary(), ctx);

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage())
                .isEqualTo("Release Pilot: canary runs on the agent that holds the workspace, never on the controller:"
                        + " run it inside node { … } (or a stage with an agent)");
        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldRunTheReleaseOnTheAgentHoldingTheWorkspace() throws Exception {
        LocalAgent agent = new LocalAgent(workspace, listener);
        FakeStepContext ctx = context().with(AgentWorkspace.class, agent);

        assertThat(start(canary(), ctx).success()).isTrue();

        assertThat(agent.tasks).singleElement().isInstanceOfSatisfying(AgentTasks.Rollout.class, t -> {
            assertThat(t.phase()).isEqualTo(AgentTasks.Phase.START);
            assertThat(t.specPath()).isEqualTo("deploy/release-pilot.yml");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../../etc/shadow       | leaves the workspace with '..'",
                "/etc/shadow            | is absolute",
                "deploy/../../x.yml     | leaves the workspace with '..'",
            })
    void shouldRefuseHostileSpecPathsBeforeAnythingRuns(String spec, String message) throws Exception {
        CanaryPromoteStep step = canary();
        step.setSpec(spec);
        LocalAgent agent = new LocalAgent(workspace, listener);

        FakeStepContext.Completion c = start(step, context().with(AgentWorkspace.class, agent));

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage())
                .startsWith("Release Pilot: the spec path")
                .contains(message);
        assertThat(agent.tasks).isEmpty();
        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldRefuseAJobNotAllowedForProductionWithTheRuleBeforeShippingCredentials() throws Exception {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.writeString(workspace.resolve("deploy/release-pilot.yml"), "service: checkout\n");
        host.authorization = ReleaseAuthorization.parse("payments/** checkout production", "production");
        LocalAgent agent = new LocalAgent(workspace, listener);
        FakeStepContext ctx = context()
                .with(Run.class, new FakeRun(new FakeJob(), "mallory", "web/deploy"))
                .with(AgentWorkspace.class, agent);

        FakeStepContext.Completion c = start(canary(), ctx);

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage())
                .contains("job 'web/deploy' on checkout in production refused by rule 1 'payments/** checkout"
                        + " production'");
        assertThat(agent.tasks)
                .as("only the spec's service was read on the agent; no operations (and no credentials) went there")
                .singleElement()
                .isInstanceOf(AgentTasks.SpecService.class);
        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldReleaseForAnAllowedJobAndActOnlyOnTheAuthorizedService() throws Exception {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.writeString(workspace.resolve("deploy/release-pilot.yml"), "service: checkout\n");
        host.authorization = ReleaseAuthorization.parse("payments/** checkout production", "production");
        LocalAgent agent = new LocalAgent(workspace, listener);
        FakeStepContext ctx = context()
                .with(Run.class, new FakeRun(new FakeJob(), "pat", "payments/deploy"))
                .with(AgentWorkspace.class, agent);

        assertThat(start(canary(), ctx).success()).isTrue();
        assertThat(((AgentTasks.Rollout) agent.tasks.get(1)).authorizedService())
                .isEqualTo("checkout");

        // The spec changed to another service after the decision: the agent refuses to act.
        Files.writeString(workspace.resolve("deploy/release-pilot.yml"), "service: billing\n");
        AgentTasks.Rollout stale = (AgentTasks.Rollout) agent.tasks.get(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stale.run(workspace, line -> {}))
                .hasMessageContaining("now names service 'billing', not 'checkout'");
    }
}
