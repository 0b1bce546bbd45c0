package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
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

/** Pipeline step {@code blueGreenCutover}: deploys green, smoke-checks it, switches traffic and watches the rollback triggers. */
public class BlueGreenCutoverStep extends Step {
    private final String environment;
    private @Nullable String spec;
    private @Nullable String version;

    @DataBoundConstructor
    public BlueGreenCutoverStep(String environment) {
        String v = Texts.trimToNull(environment);
        if (v == null) {
            throw new IllegalArgumentException("blueGreenCutover: the environment is required");
        }
        this.environment = v;
    }

    public String getEnvironment() {
        return environment;
    }

    public @Nullable String getSpec() {
        return spec;
    }

    /** The spec, relative to the workspace; default: the global configuration's default spec path. */
    @DataBoundSetter
    public void setSpec(@Nullable String spec) {
        this.spec = Texts.trimToNull(spec);
    }

    public @Nullable String getVersion() {
        return version;
    }

    /** The version to release; default: derived by the core from tags and channels. */
    @DataBoundSetter
    public void setVersion(@Nullable String version) {
        this.version = Texts.trimToNull(version);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, spec, environment, version);
    }

    /** The blueGreenCutover Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("blueGreenCutover")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "blueGreenCutover";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: blue-green cutover";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.name(value, "environment", true).toFormValidation();
        }

        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @AncestorInPath @Nullable Item item) {
            JenkinsFacade.checkConfigure(item);
            return FormChecks.specPath(value).toFormValidation();
        }
    }

    /** Runs the blue-green cutover on a worker thread; survives a controller restart. */
    static final class Execution extends RolloutExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, @Nullable String spec, String environment, @Nullable String version) {
            super(context, spec, environment, version);
        }

        @Override
        protected ReleaseOutcome begin(ReleaseOperations ops, RolloutRequest request, ProgressLog log)
                throws InterruptedException {
            return ops.blueGreen(request, log);
        }

        @Override
        protected RolloutRequest.Kind kind() {
            return RolloutRequest.Kind.BLUE_GREEN;
        }

        @Override
        protected String title() {
            return "blue-green cutover";
        }
    }
}
