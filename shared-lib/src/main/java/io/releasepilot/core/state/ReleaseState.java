package io.releasepilot.core.state;

/** Where a release is. IN_PROGRESS and PAUSED hold the environment lock; the others are final. */
public enum ReleaseState {
    IN_PROGRESS,
    PAUSED,
    SUCCEEDED,
    ROLLED_BACK,
    FAILED,
    ABORTED;

    /** True while the release holds its environment lock. */
    public boolean active() {
        return this == IN_PROGRESS || this == PAUSED;
    }
}
