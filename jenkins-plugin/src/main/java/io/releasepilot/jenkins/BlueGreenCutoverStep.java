package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code blueGreenCutover}: deploys green, smoke-checks it, switches traffic and watches the rollback triggers. */
public class BlueGreenCutoverStep extends RolloutStep {
    @DataBoundConstructor
    public BlueGreenCutoverStep(String environment) {
        super("blueGreenCutover", environment);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, getSpec(), getEnvironment(), getVersion());
    }

    /** The blueGreenCutover Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("blueGreenCutover")
    public static final class DescriptorImpl extends RolloutDescriptor {
        @Override
        public String getFunctionName() {
            return "blueGreenCutover";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: blue-green cutover";
        }
    }

    /** Runs the blue-green cutover on a worker thread; survives a controller restart. */
    static final class Execution extends RolloutExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, @Nullable String spec, String environment, @Nullable String version) {
            super(context, spec, environment, version);
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
