package io.releasepilot.jenkins.hpi;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.releasepilot.jenkins.ReleaseBadgeAction;
import io.releasepilot.jenkins.ReleasePilotConfiguration;
import io.releasepilot.jenkins.ReleaseSummaryAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.BuildWatcherExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every step in a real Pipeline on a real Jenkins 2.541.3, with scripted operations behind the seam. */
@WithJenkins
class ReleasePilotStepsJenkinsTest {
    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    @TestExtension
    public static final ScriptedOperations.Factory OPERATIONS = new ScriptedOperations.Factory();

    @BeforeEach
    void reset() {
        ScriptedOperations.reset();
    }

    /** Open environments: the release rules are tested on their own below and in AgentExecutionJenkinsTest. */
    private static void open() {
        ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class).setProtectedEnvironments("");
    }

    private static WorkflowRun run(JenkinsRule j, String script, Result expected) throws Exception {
        if (ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class).getReleaseRules() == null) {
            open();
        }
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertStatus(expected, p);
    }

    @Test
    void shouldPassTheGateAndBadgeTheRun(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "node { writeFile file: 'release-pilot.yml', text: 'version: 1'\n"
                + "  def v = releaseGate environment: 'staging'\n  echo \"verdict=${v}\" }", Result.SUCCESS);

        j.assertLogContains("verdict=PASS", b);
        assertThat(b.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("gate passed");
        assertThat(b.getBadgeActions()).hasAtLeastOneElementOfType(ReleaseBadgeAction.class);
        assertThat(b.getAction(ReleaseSummaryAction.class).getReports()).hasSize(1);
        assertThat(ScriptedOperations.calls).anyMatch(c -> c.startsWith("record p#1 SUCCESS"));
        // The summary is escaped: the report's <b> stays text.
        assertThat(j.createWebClient().getPage(b).getWebResponse().getContentAsString())
                .contains("&lt;b&gt;0&lt;/b&gt;")
                .doesNotContain("<b>0</b>");
    }

    @Test
    void shouldMakeTheBuildUnstableOnWarning(JenkinsRule j) throws Exception {
        ScriptedOperations.verdict = io.releasepilot.core.release.Verdict.WARNING;

        run(j, "node { releaseGate() }", Result.UNSTABLE);
    }

    @Test
    void shouldFailTheBuildOnFail(JenkinsRule j) throws Exception {
        ScriptedOperations.verdict = io.releasepilot.core.release.Verdict.FAIL;

        WorkflowRun b = run(j, "node { releaseGate() }", Result.FAILURE);

        j.assertLogContains("quality gate FAIL", b);
        j.assertLogNotContains("\tat io.releasepilot", b);
    }

    @Test
    void shouldRunCanaryAndBlueGreen(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "node { canaryPromote environment: 'production', version: '1.4.0'\n"
                + " blueGreenCutover environment: 'production' }", Result.SUCCESS);

        j.assertLogContains("[release-pilot] step 1/4 at 5 %", b);
        assertThat(ScriptedOperations.calls).anyMatch(c -> c.startsWith("canary "))
                .anyMatch(c -> c.startsWith("blueGreen "));
    }

    @Test
    void shouldFailWhenTheCanaryRolledBack(JenkinsRule j) throws Exception {
        ScriptedOperations.rolloutState = io.releasepilot.jenkins.ReleaseState.ROLLED_BACK;

        WorkflowRun b = run(j, "node { canaryPromote 'production' }", Result.FAILURE);

        assertThat(b.getAction(ReleaseBadgeAction.class).getOutcome()).isEqualTo("rolled back");
    }

    @Test
    void shouldRunTheOperatorStepsOutsideANode(JenkinsRule j) throws Exception {
        run(j, "releasePause environment: 'production', service: 'checkout', reason: 'budget'\n"
                + "releasePromote 'production'\nreleaseResume 'production'\nreleaseAbort 'production'\n"
                + "node { writeFile file: 'release-pilot.yml', text: 'service: checkout'\n"
                + "  releaseRollback 'production' }",
                Result.SUCCESS);

        assertThat(ScriptedOperations.calls)
                .contains(
                        "pause production",
                        "promote production",
                        "resume production",
                        "abort production",
                        "rollback production");
    }

    @Test
    void shouldStopTheReleaseWhenTheBuildIsAborted(JenkinsRule j) throws Exception {
        ScriptedOperations.hold = new java.util.concurrent.CountDownLatch(1);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        open();
        p.setDefinition(new CpsFlowDefinition("node { canaryPromote 'production' }", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        ScriptedOperations.entered.await();

        b.doStop();

        j.waitForCompletion(b);
        assertThat(b.getResult()).isEqualTo(Result.ABORTED);
        assertThat(ScriptedOperations.calls).anyMatch(c -> c.startsWith("stop "));
    }

    @Test
    void shouldRoundTripTheGlobalConfiguration(JenkinsRule j) throws Exception {
        ReleasePilotConfiguration c = ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class);
        c.setDatabaseUrl("jdbc:postgresql://db:5432/rp");
        c.setNatsUrl("nats://nats:4222");
        c.setPrometheusUrl("http://prom:9090");
        c.setDefaultSpecPath("deploy/release-pilot.yml");
        c.setReleaseRules("payments/** checkout production");
        c.setProtectedEnvironments("production, prod-*");

        j.submit(j.createWebClient().goTo("configure").getFormByName("config"));

        ReleasePilotConfiguration reloaded = new ReleasePilotConfiguration();
        assertThat(reloaded.getDatabaseUrl()).isEqualTo("jdbc:postgresql://db:5432/rp");
        assertThat(reloaded.getNatsUrl()).isEqualTo("nats://nats:4222");
        assertThat(reloaded.getDefaultSpecPath()).isEqualTo("deploy/release-pilot.yml");
        assertThat(reloaded.getReleaseRules()).isEqualTo("payments/** checkout production");
        assertThat(reloaded.getProtectedEnvironments()).isEqualTo("production, prod-*");
    }

    @Test
    void shouldRefuseAJobNotAllowedForProductionNamingTheRule(JenkinsRule j) throws Exception {
        ReleasePilotConfiguration c = ReleasePilotConfiguration.all().get(ReleasePilotConfiguration.class);
        c.setReleaseRules("payments/** checkout production");
        c.setProtectedEnvironments("production");

        WorkflowRun b = run(j, "node { writeFile file: 'release-pilot.yml', text: 'service: checkout'\n"
                + "  canaryPromote environment: 'production', version: '1.4.0' }", Result.FAILURE);

        j.assertLogContains("job 'p' on checkout in production refused by rule 1 'payments/** checkout production'", b);
        assertThat(ScriptedOperations.calls).noneMatch(call -> call.startsWith("canary "));
    }

    @Test
    void shouldRefuseHostileSpecPaths(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "node { releaseGate spec: '../../../etc/passwd' }", Result.FAILURE);

        j.assertLogContains("leaves the workspace with '..'", b);
        assertThat(ScriptedOperations.calls).noneMatch(call -> call.startsWith("gate"));
    }
}
