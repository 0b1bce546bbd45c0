package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                .with(WorkspaceFiles.class, new DirectoryWorkspace(workspace));
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
}
