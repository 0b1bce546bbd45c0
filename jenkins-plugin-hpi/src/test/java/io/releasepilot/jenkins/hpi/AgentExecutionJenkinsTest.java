package io.releasepilot.jenkins.hpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Result;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.jenkins.BuildRecord;
import io.releasepilot.jenkins.ControlRequest;
import io.releasepilot.jenkins.GateOutcome;
import io.releasepilot.jenkins.GateRequest;
import io.releasepilot.jenkins.ProgressLog;
import io.releasepilot.jenkins.ReleaseOperations;
import io.releasepilot.jenkins.ReleaseOperationsFactory;
import io.releasepilot.jenkins.ReleaseOutcome;
import io.releasepilot.jenkins.ReleasePilotConfiguration;
import io.releasepilot.jenkins.ReleaseSummaryAction;
import io.releasepilot.jenkins.RolloutRequest;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * On a real Jenkins with a real agent (a separate JVM JenkinsRule launches): a step's work, and any process it starts,
 * runs in the agent's JVM; the controller's JVM starts nothing.
 */
@WithJenkins
class AgentExecutionJenkinsTest {
    @TestExtension
    public static final ReleaseOperationsFactory OPERATIONS = run -> new ProcessStartingOperations();

    @Test
    void shouldStartTheStepsProcessesOnTheAgent(JenkinsRule j) throws Exception {
        ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class).setProtectedEnvironments("");
        j.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "node('remote') { writeFile file: 'release-pilot.yml', text: 'service: checkout'\n"
                        + "  releaseGate environment: 'staging' }",
                true));

        WorkflowRun b = j.buildAndAssertStatus(Result.SUCCESS, p);

        String report = b.getAction(ReleaseSummaryAction.class).getReports().get(0);
        long controller = ProcessHandle.current().pid();
        assertThat(report).startsWith("parent=").doesNotContain("parent=" + controller + " ");
        String[] pids = report.split(" ");
        assertThat(pids[0].substring("parent=".length())).isEqualTo(pids[1].substring("operations-jvm=".length()));
    }

    /** Starts a process, as a hook or a command router does, and reports which JVM was its parent. */
    static final class ProcessStartingOperations implements ReleaseOperations, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public GateOutcome gate(GateRequest request, ProgressLog log) throws InterruptedException {
            try {
                Process p = new ProcessBuilder("sh", "-c", "echo $PPID").start();
                String parent = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor();
                return new GateOutcome(
                        Verdict.PASS,
                        "1.0.0",
                        "staging",
                        "parent=" + parent + " operations-jvm=" + ProcessHandle.current().pid(),
                        null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordBuild(BuildRecord record) {}
    }
}
