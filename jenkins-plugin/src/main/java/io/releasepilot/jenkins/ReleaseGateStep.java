package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.List;
import java.util.Set;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Pipeline step {@code releaseGate}: evaluates the spec's gate objectives on workspace reports and metrics, records the
 * verdict on the environment's release in progress and, with {@code bypass: true}, lets a gate that did not pass
 * through when the build's user is in the spec's {@code gates.bypass.authority} (audited with the reason).
 */
public class ReleaseGateStep extends Step {
    private @Nullable String spec;
    private @Nullable String environment;
    private @Nullable String reports;
    private boolean bypass;
    private @Nullable String reason;

    @DataBoundConstructor
    public ReleaseGateStep() {}

    public @Nullable String getSpec() {
        return spec;
    }

    /** The spec, relative to the workspace; default: the global configuration's default spec path. */
    @DataBoundSetter
    public void setSpec(@Nullable String spec) {
        this.spec = Texts.trimToNull(spec);
    }

    public @Nullable String getEnvironment() {
        return environment;
    }

    /** The target environment; default: the spec's first one. */
    @DataBoundSetter
    public void setEnvironment(@Nullable String environment) {
        this.environment = Texts.trimToNull(environment);
    }

    public @Nullable String getReports() {
        return reports;
    }

    /** Comma-separated Ant globs of report files, relative to the workspace. */
    @DataBoundSetter
    public void setReports(@Nullable String reports) {
        this.reports = Texts.trimToNull(reports);
    }

    public boolean isBypass() {
        return bypass;
    }

    /** Bypass the gate should it not pass: audited, for users in the spec's {@code gates.bypass.authority} only. */
    @DataBoundSetter
    public void setBypass(boolean bypass) {
        this.bypass = bypass;
    }

    public @Nullable String getReason() {
        return reason;
    }

    /** Why the gate is bypassed; required for a bypass, kept in the ledger's audit trail. */
    @DataBoundSetter
    public void setReason(@Nullable String reason) {
        this.reason = Texts.trimToNull(reason);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, spec, environment, reports, bypass, reason);
    }

    /** The releaseGate Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releaseGate")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseGate";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: quality gate";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.name(value, "environment", false).toFormValidation();
        }

        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.specPath(value).toFormValidation();
        }
    }

    /**
     * Evaluates the gate on a worker thread; WARNING makes the build UNSTABLE, FAIL or INCONCLUSIVE fails the step
     * unless a bypass was granted.
     */
    static final class Execution extends ReleaseStepExecution {
        private static final long serialVersionUID = 1L;

        private final @Nullable String spec;
        private final @Nullable String environment;
        private final @Nullable String reports;
        private final boolean bypass;
        private final @Nullable String reason;

        Execution(
                StepContext context,
                @Nullable String spec,
                @Nullable String environment,
                @Nullable String reports,
                boolean bypass,
                @Nullable String reason) {
            super(context);
            this.spec = spec;
            this.environment = environment;
            this.reports = reports;
            this.bypass = bypass;
            this.reason = reason;
        }

        @Override
        protected Object run(Host host) throws Exception {
            String specPath = host.specPath(spec);
            List<String> globs = Texts.globs(reports).stream()
                    .map(g -> WorkspacePaths.relative(g, "report glob"))
                    .toList();
            AgentWorkspace agent = host.agent("releaseGate");
            // A gate that records on (or bypasses for) a named environment acts on it: the release rules apply.
            String service = environment == null ? null : host.authorize(agent, specPath, null, environment);
            GateOutcome g = agent.call(new AgentTasks.Gate(
                    host.operations, globs, specPath, environment, host.releaseContext(), bypass, reason, service));
            host.badge(ReleaseBadgeAction.forGate(g));
            host.summary(
                    "Quality gate " + g.version() + " → " + g.environment() + ": " + g.verdict()
                            + (g.bypassed() ? " (bypassed: " + g.bypass() + ")" : ""),
                    g.markdownReport());
            Result result = ResultMapping.forGate(g);
            if (result == Result.FAILURE) {
                throw new AbortException("Release Pilot: quality gate " + g.verdict() + " for " + g.version() + " → "
                        + g.environment() + " (see the Release Pilot section of the build page)");
            }
            if (result == Result.UNSTABLE) {
                host.context.setResult(Result.UNSTABLE);
            }
            host.log("Release Pilot: quality gate " + g.verdict() + (g.bypassed() ? " (bypassed)" : "") + " for "
                    + g.version() + " → " + g.environment());
            return g.verdict().name();
        }

        @Override
        protected String describe() {
            return "quality gate";
        }
    }
}
