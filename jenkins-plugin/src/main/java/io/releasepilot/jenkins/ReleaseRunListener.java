package io.releasepilot.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.util.Map;
import jenkins.YesNoMaybe;

/**
 * Records every finished build that released (it carries a {@link ReleaseBadgeAction}) as release context in the
 * ledger: actor, build URL, result. A ledger that cannot be reached costs a log line, never the build.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
public final class ReleaseRunListener extends RunListener<Run<?, ?>> {
    private final ReleaseHost host;

    public ReleaseRunListener() {
        this(JenkinsReleaseHost.INSTANCE);
    }

    ReleaseRunListener(ReleaseHost host) {
        this.host = host;
    }

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        ReleaseBadgeAction badge = run.getAction(ReleaseBadgeAction.class);
        if (badge == null) {
            return;
        }
        String name = ResultMapping.name(run.getResult());
        try {
            host.operations(run, Map.of())
                    .recordBuild(new BuildRecord(
                            ReleaseStepExecution.ReleaseContexts.of(run, host), name, badge.getReleaseId()));
        } catch (Exception e) {
            listener.getLogger().println("Release Pilot: could not record the build in the ledger: " + e.getMessage());
        }
    }
}
