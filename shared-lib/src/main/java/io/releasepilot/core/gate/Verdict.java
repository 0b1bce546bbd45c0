package io.releasepilot.core.gate;

/** The outcome of one objective, one gate or one canary judgement. Missing data is INCONCLUSIVE, never PASS. */
public enum Verdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE;

    /** Whether this verdict lets a release continue (PASS or WARNING). */
    public boolean isSuccessful() {
        return this == PASS || this == WARNING;
    }
}
