package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import jenkins.YesNoMaybe;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Pipeline step {@code releasePromote}: asks the environment's running release to skip its remaining analysis and send
 * all traffic to the new version (audited).
 */
public class ReleasePromoteStep extends ControlStep {
    @DataBoundConstructor
    public ReleasePromoteStep(String environment) {
        super("releasePromote", environment);
    }

    @Override
    ControlExecution.Operation operation() {
        return ControlExecution.Operation.PROMOTE;
    }

    /** The releasePromote Pipeline step. */
    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("releasePromote")
    public static final class DescriptorImpl extends ControlDescriptor {
        @Override
        public String getFunctionName() {
            return "releasePromote";
        }

        @Override
        public @NonNull String getDisplayName() {
            return "Release Pilot: promote release";
        }
    }
}
