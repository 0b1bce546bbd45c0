package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Pipeline step {@code releaseResume}: lets a paused release continue. */
public class ReleaseResumeStep extends ControlStep {
    @DataBoundConstructor
    public ReleaseResumeStep(String environment) {
        super("releaseResume", environment);
    }

    @Override
    ControlExecution.Operation operation() {
        return ControlExecution.Operation.RESUME;
    }

    /** The releaseResume Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releaseResume")
    public static final class DescriptorImpl extends ControlDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseResume";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: resume release";
        }
    }
}
