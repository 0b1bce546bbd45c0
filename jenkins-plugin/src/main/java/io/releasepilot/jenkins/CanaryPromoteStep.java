package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code canaryPromote}: shifts traffic to the new version step by step, analysing each step, until 100 % or rollback. */
public class CanaryPromoteStep extends RolloutStep {
    @DataBoundConstructor
    public CanaryPromoteStep(String environment) {
        super("canaryPromote", environment);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, getSpec(), getEnvironment(), getVersion());
    }

    /** The canaryPromote Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("canaryPromote")
    public static final class DescriptorImpl extends RolloutDescriptor {
        @Override
        public String getFunctionName() {
            return "canaryPromote";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: canary promotion";
        }
    }

    /** Runs the canary on a worker thread; survives a controller restart. */
    static final class Execution extends RolloutExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context, @Nullable String spec, String environment, @Nullable String version) {
            super(context, spec, environment, version);
        }

        @Override
        protected RolloutRequest.Kind kind() {
            return RolloutRequest.Kind.CANARY;
        }

        @Override
        protected String title() {
            return "canary";
        }
    }
}
