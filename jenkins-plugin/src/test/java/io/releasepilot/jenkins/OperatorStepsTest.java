package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;

class OperatorStepsTest {
    private final FakeReleaseHost host = new FakeReleaseHost();
    private final FakeRun run = new FakeRun(new FakeJob(), "bob");

    private FakeStepContext.Completion run(Step step, ReleaseState state) throws Exception {
        host.operations.controlState = state;
        FakeStepContext ctx = new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, new FakeTaskListener())
                .with(ReleaseHost.class, host);
        step.start(ctx).start();
        return ctx.awaitCompletion();
    }

    @Test
    void shouldPauseResumeAbortAndRollBackWithoutAWorkspace() throws Exception {
        ReleasePauseStep pause = new ReleasePauseStep("production");
        pause.setService("checkout");
        pause.setReason("error budget");

        assertThat(run(pause, ReleaseState.PAUSED).value()).isEqualTo("PAUSED");
        assertThat(run(new ReleaseResumeStep("production"), ReleaseState.RESUMED)
                        .value())
                .isEqualTo("RESUMED");
        assertThat(run(new ReleaseAbortStep("production"), ReleaseState.ABORTED).value())
                .isEqualTo("ABORTED");
        assertThat(run(new ReleaseRollbackStep("production"), ReleaseState.ROLLED_BACK)
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
