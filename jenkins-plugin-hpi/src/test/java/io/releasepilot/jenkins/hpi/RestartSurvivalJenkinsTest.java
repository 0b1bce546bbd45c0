package io.releasepilot.jenkins.hpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.releasepilot.jenkins.ReleaseBadgeAction;
import io.releasepilot.jenkins.ReleasePilotConfiguration;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A canary running across a controller restart continues the same release from the ledger (onResume). */
class RestartSurvivalJenkinsTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TestExtension
    public static final ScriptedOperations.Factory OPERATIONS = new ScriptedOperations.Factory();

    @Test
    void shouldContinueTheReleaseAfterARestart() throws Throwable {
        ScriptedOperations.reset();
        ScriptedOperations.hold = new CountDownLatch(1);
        sessions.then(j -> {
            // Release rules are ReleasePilotStepsJenkinsTest's and AgentExecutionJenkinsTest's concern.
            ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class).setProtectedEnvironments("");
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("node { canaryPromote 'production' }", true));
            p.scheduleBuild2(0).waitForStart();
            ScriptedOperations.entered.await();
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(b));
            String started = ScriptedOperations.calls.stream()
                    .filter(c -> c.startsWith("canary "))
                    .findFirst()
                    .orElseThrow()
                    .substring("canary ".length());
            assertThat(ScriptedOperations.calls).contains("continue " + started);
            j.assertLogContains("Jenkins restarted, continuing canary", b);
            assertThat(b.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("released");
        });
    }
}
