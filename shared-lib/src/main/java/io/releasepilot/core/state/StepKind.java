package io.releasepilot.core.state;

/** What a recorded release step is. */
public enum StepKind {
    /** Router weights were set (the step's weights say to what). */
    TRAFFIC,
    /** A quality gate gave a verdict. */
    GATE,
    /** A canary analysis (canary compared with stable) gave a verdict. */
    ANALYSIS,
    /** A health check or rollback trigger was evaluated. */
    HEALTH_CHECK,
    /** Anything else worth keeping in the ledger (a hook ran, a smoke check passed). */
    NOTE
}
