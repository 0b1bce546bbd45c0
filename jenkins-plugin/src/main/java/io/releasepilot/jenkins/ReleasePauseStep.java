package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code releasePause}: holds the environment's running release at its current traffic weight. */
public class ReleasePauseStep extends ControlStep {
    @DataBoundConstructor
    public ReleasePauseStep(String environment) {
        super("releasePause", environment);
    }

    @Override
    ControlExecution.Operation operation() {
        return ControlExecution.Operation.PAUSE;
    }

    /** The releasePause Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releasePause")
    public static final class DescriptorImpl extends ControlDescriptor {
        @Override
        public String getFunctionName() {
            return "releasePause";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: pause release";
        }
    }
}
