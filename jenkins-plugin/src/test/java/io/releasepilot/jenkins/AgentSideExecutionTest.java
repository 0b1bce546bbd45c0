package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.releasepilot.core.release.Verdict;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller orchestrates, the agent executes: a step's operations travel to the agent JVM holding the workspace
 * (here a real second JVM, {@link ChildJvmAgent}) and every process they start is a child of that JVM, never of the
 * controller's. {@code JenkinsStepsIT} shows the same for the spec's hooks run by the core.
 */
class AgentSideExecutionTest {
    @TempDir
    Path workspace;

    private final FakeTaskListener listener = new FakeTaskListener();
    private final FakeRun run = new FakeRun(new FakeJob(), "alice");

    @Test
    void shouldStartTheStepsProcessesInTheAgentJvmNeverTheController() throws Exception {
        ChildJvmAgent agent = new ChildJvmAgent(workspace, listener);
        FakeReleaseHost host = new FakeReleaseHost() {
            @Override
            public ReleaseOperations operations(Run<?, ?> r, Map<String, String> variables) {
                return new ProcessStartingOperations();
            }
        };
        FakeStepContext ctx = new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(ReleaseHost.class, host)
                .with(AgentWorkspace.class, agent);

        new ReleaseGateStep().start(ctx).start();
        FakeStepContext.Completion c = ctx.awaitCompletion();

        assertThat(c.success()).as(listener.text()).isTrue();
        long controller = ProcessHandle.current().pid();
        String report = run.getAction(ReleaseSummaryAction.class).getReports().get(0);
        assertThat(agent.pids).singleElement().isNotEqualTo(controller);
        assertThat(report)
                .as("the process's parent is the agent JVM")
                .isEqualTo("parent=" + agent.pids.get(0) + " operations-jvm=" + agent.pids.get(0));
        assertThat(listener.text()).contains("[release-pilot] started a process on the agent");
    }

    /** Operations that start a process, as a hook or a command router does, and report which JVM was its parent. */
    static final class ProcessStartingOperations extends ScriptedOperationsBase implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public GateOutcome gate(GateRequest request, ProgressLog log) throws InterruptedException {
            try {
                Process p = new ProcessBuilder("sh", "-c", "echo $PPID").start();
                String parent = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor();
                log.line("started a process on the agent");
                assertThat(Files.isDirectory(request.workspace())).isTrue();
                return new GateOutcome(
                        Verdict.PASS,
                        "1.0.0",
                        "staging",
                        "parent=" + parent + " operations-jvm="
                                + ProcessHandle.current().pid(),
                        null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
