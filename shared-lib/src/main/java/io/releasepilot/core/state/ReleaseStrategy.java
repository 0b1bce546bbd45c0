package io.releasepilot.core.state;

/** How a release moves traffic. ROLLBACK is a release that returns to an earlier version. */
public enum ReleaseStrategy {
    CANARY,
    BLUE_GREEN,
    DIRECT,
    ROLLBACK
}
