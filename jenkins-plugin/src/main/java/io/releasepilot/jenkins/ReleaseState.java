package io.releasepilot.jenkins;

/** Where a release stands after a step asked the core to move it. */
public enum ReleaseState {
    /** Promoted to 100 % or cut over, watch window passed. */
    COMPLETED,
    /** Traffic is back on the stable version. */
    ROLLED_BACK,
    /** A gate or canary analysis failed before traffic moved further; the core rolled back what had moved. */
    GATE_FAILED,
    PAUSED,
    RESUMED,
    /** The operator asked the running release to skip its remaining analysis; its own step reports how it ends. */
    PROMOTED,
    /** Stopped by an operator or a build abort, traffic left as the spec's rollback.onAbort says. */
    ABORTED
}
