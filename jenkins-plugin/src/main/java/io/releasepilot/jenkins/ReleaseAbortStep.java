package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code releaseAbort}: stops the environment's running release; traffic goes where rollback.onAbort says. */
public class ReleaseAbortStep extends ControlStep {
    @DataBoundConstructor
    public ReleaseAbortStep(String environment) {
        super("releaseAbort", environment);
    }

    @Override
    ControlExecution.Operation operation() {
        return ControlExecution.Operation.ABORT;
    }

    /** The releaseAbort Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releaseAbort")
    public static final class DescriptorImpl extends ControlDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseAbort";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: abort release";
        }
    }
}
