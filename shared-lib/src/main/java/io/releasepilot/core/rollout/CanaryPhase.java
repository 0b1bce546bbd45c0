package io.releasepilot.core.rollout;

/** Where a canary stands after a decision. */
public enum CanaryPhase {
    /** A step is running (or has just started). */
    PROGRESSING,
    /** Halted by an operator or an inconclusive analysis. */
    PAUSED,
    /** All traffic on the canary; done. */
    COMPLETED,
    /** All traffic back on stable; done. */
    ROLLED_BACK
}
