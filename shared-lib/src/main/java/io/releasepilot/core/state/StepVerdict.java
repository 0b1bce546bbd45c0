package io.releasepilot.core.state;

/** A gate's or analysis' verdict as kept in the ledger; same names as the gate package's verdicts. */
public enum StepVerdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE
}
