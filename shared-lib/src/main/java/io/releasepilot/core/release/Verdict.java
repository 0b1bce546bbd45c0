package io.releasepilot.core.release;

/**
 * The outcome of an objective, a gate, a canary step's analysis or the canary judge, as the ledger records it and the
 * front-ends map it (exit code, commit status, Jenkins result). Missing data is INCONCLUSIVE, never PASS.
 */
public enum Verdict {
    PASS,
    WARNING,
    FAIL,
    INCONCLUSIVE;

    /** Whether this verdict lets a release continue (PASS or WARNING). */
    public boolean isSuccessful() {
        return this == PASS || this == WARNING;
    }

    /**
     * The more severe of two verdicts, for combining independent analyses of one step (its objectives and the canary
     * judge): FAIL, then INCONCLUSIVE (missing data is never outweighed by a pass), then WARNING, then PASS.
     */
    public static Verdict worse(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Verdict verdict) {
        switch (verdict) {
            case FAIL:
                return 3;
            case INCONCLUSIVE:
                return 2;
            case WARNING:
                return 1;
            default:
                return 0;
        }
    }
}
