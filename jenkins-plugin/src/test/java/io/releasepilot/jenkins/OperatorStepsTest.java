package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorStepsTest {
    private final FakeReleaseHost host = new FakeReleaseHost();
    private final FakeRun run = new FakeRun(new FakeJob(), "bob");

    private final FakeTaskListener listener = new FakeTaskListener();

    @TempDir
    Path workspace;

    private FakeStepContext.Completion run(Step step, ReleaseState state) throws Exception {
        return run(step, state, run, null);
    }

    private FakeStepContext.Completion run(Step step, ReleaseState state, FakeRun build, AgentWorkspace agent)
            throws Exception {
        host.operations.controlState = state;
        FakeStepContext ctx = new FakeStepContext()
                .with(Run.class, build)
                .with(TaskListener.class, listener)
                .with(ReleaseHost.class, host);
        if (agent != null) {
            ctx.with(AgentWorkspace.class, agent);
        }
        step.start(ctx).start();
        return ctx.awaitCompletion();
    }

    @Test
    void shouldRefuseARollbackWithoutAnAgentWorkspace() throws Exception {
        FakeStepContext.Completion c = run(new ReleaseRollbackStep("production"), ReleaseState.ROLLED_BACK);

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage())
                .contains("releaseRollback runs on the agent that holds the workspace, never on the controller");
        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldCarryTheBuildsUserInTheAuditOfEveryOperatorStep() throws Exception {
        LocalAgent agent = new LocalAgent(workspace, listener);
        FakeRun carol = new FakeRun(new FakeJob(), "carol", "ops/operate");
        ReleasePauseStep pause = new ReleasePauseStep("production");
        pause.setService("checkout");

        run(pause, ReleaseState.PAUSED, carol, null);
        run(new ReleaseRollbackStep("production"), ReleaseState.ROLLED_BACK, carol, agent);
        run(new ReleaseAbortStep("production"), ReleaseState.ABORTED, carol, agent);

        assertThat(host.operations.calls)
                .filteredOn(ControlRequest.class::isInstance)
                .map(r -> ((ControlRequest) r).context())
                .hasSize(3)
                .allSatisfy(context -> {
                    assertThat(context.actor()).isEqualTo("carol");
                    assertThat(context.buildId()).isEqualTo("ops/operate#42");
                    assertThat(context.buildUrl()).isEqualTo("https://ci.example.com/job/ops/job/operate/42/");
                });
        assertThat(agent.tasks).hasSize(2).allMatch(AgentTasks.Control.class::isInstance);
    }

    @Test
    void shouldRefuseAJobNotAllowedForProductionNamingTheRule() throws Exception {
        host.authorization = ReleaseAuthorization.parse("payments/** checkout production", "production");
        ReleaseAbortStep abort = new ReleaseAbortStep("production");
        abort.setService("checkout");

        FakeStepContext.Completion refused =
                run(abort, ReleaseState.ABORTED, new FakeRun(new FakeJob(), "mallory", "web/deploy"), null);
        FakeStepContext.Completion allowed =
                run(abort, ReleaseState.ABORTED, new FakeRun(new FakeJob(), "pat", "payments/deploy"), null);

        assertThat(refused.success()).isFalse();
        assertThat(((Throwable) refused.value()).getMessage())
                .isEqualTo("Release Pilot: job 'web/deploy' on checkout in production refused by rule 1"
                        + " 'payments/** checkout production', which allow(s) other jobs only (Manage Jenkins → System"
                        + " → Release Pilot → Release rules)");
        assertThat(allowed.success()).isTrue();
        assertThat(host.operations.calls).filteredOn(String.class::isInstance).containsExactly("abort");
        assertThat(listener.text()).contains("job 'payments/deploy' on checkout in production allowed by rule 1");
    }

    @Test
    void shouldKeepAProtectedEnvironmentNoRuleListsClosed() throws Exception {
        host.authorization = ReleaseAuthorization.parse("", "prod*");
        ReleasePauseStep pause = new ReleasePauseStep("production");
        pause.setService("checkout");

        FakeStepContext.Completion c = run(pause, ReleaseState.PAUSED);

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("refused by the protected-environment rule 'prod*'");
        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldPauseResumeAndAbortWithoutAWorkspaceAndRollBackOnTheAgent() throws Exception {
        ReleasePauseStep pause = new ReleasePauseStep("production");
        pause.setService("checkout");
        pause.setReason("error budget");

        assertThat(run(pause, ReleaseState.PAUSED).value()).isEqualTo("PAUSED");
        assertThat(run(new ReleaseResumeStep("production"), ReleaseState.RESUMED)
                        .value())
                .isEqualTo("RESUMED");
        assertThat(run(new ReleaseAbortStep("production"), ReleaseState.ABORTED).value())
                .isEqualTo("ABORTED");
        assertThat(run(
                                new ReleaseRollbackStep("production"),
                                ReleaseState.ROLLED_BACK,
                                run,
                                new LocalAgent(workspace, listener))
                        .value())
                .isEqualTo("ROLLED_BACK");

        assertThat(host.operations.calls)
                .filteredOn(String.class::isInstance)
                .containsExactly("pause", "resume", "abort", "rollback");
        ControlRequest first = (ControlRequest) host.operations.calls.get(1);
        assertThat(first.workspace()).isNull();
        assertThat(first.service()).isEqualTo("checkout");
        assertThat(first.reason()).isEqualTo("error budget");
        ControlRequest second = (ControlRequest) host.operations.calls.get(3);
        assertThat(second.reason()).isEqualTo("resume requested by bob");
    }

    @Test
    void shouldAskTheRunningReleaseToPromote() throws Exception {
        ReleasePromoteStep promote = new ReleasePromoteStep("production");
        promote.setReason("dashboards clean");

        FakeStepContext.Completion c = run(promote, ReleaseState.PROMOTED);

        assertThat(c.value()).isEqualTo("PROMOTED");
        assertThat(host.operations.calls).filteredOn(String.class::isInstance).containsExactly("promote");
        assertThat(((ControlRequest) host.operations.calls.get(1)).reason()).isEqualTo("dashboards clean");
        assertThat(run.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("promoted");
    }

    @Test
    void shouldFailWhenTheReleaseDidNotReachTheRequestedState() throws Exception {
        FakeStepContext.Completion c = run(new ReleasePauseStep("production"), ReleaseState.COMPLETED);

        assertThat(c.success()).isFalse();
        assertThat(((Throwable) c.value()).getMessage()).contains("pause of production did not take effect");
    }

    @Test
    void shouldRequireAnEnvironment() {
        assertThatThrownBy(() -> new ReleaseRollbackStep("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment is required");
    }
}
