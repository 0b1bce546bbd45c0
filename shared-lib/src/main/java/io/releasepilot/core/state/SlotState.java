package io.releasepilot.core.state;

/** What a slot of a traffic target is doing. */
public enum SlotState {
    /** Serves the last good version: the stable side of every release until one succeeds. */
    LIVE,
    /** Holds a version (the previous good one, or a release that was rolled back) and takes no traffic. */
    IDLE,
    /** A release is deploying its version here and shifting traffic to it. */
    DEPLOYING,
    /** Its servers were retired by the retire hook: the version it held no longer runs. */
    RETIRED
}
