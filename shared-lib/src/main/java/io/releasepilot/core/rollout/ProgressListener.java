package io.releasepilot.core.rollout;

/** Receives the release engine's progress as it happens: the CLI prints lines, the Jenkins plugin logs them. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = progress -> {};

    void progress(RolloutProgress progress);
}
