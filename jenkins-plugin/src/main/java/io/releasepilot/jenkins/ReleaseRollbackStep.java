package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code releaseRollback}: moves the environment's traffic back to the stable version. */
public class ReleaseRollbackStep extends ControlStep {
    @DataBoundConstructor
    public ReleaseRollbackStep(String environment) {
        super("releaseRollback", environment);
    }

    @Override
    ControlExecution.Operation operation() {
        return ControlExecution.Operation.ROLLBACK;
    }

    /** The releaseRollback Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releaseRollback")
    public static final class DescriptorImpl extends ControlDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseRollback";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: roll back";
        }
    }
}
