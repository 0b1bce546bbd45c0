package io.releasepilot.cli.github;

/**
 * States of a commit status. The runner maps a gate verdict once: PASS and WARNING → SUCCESS, FAIL → FAILURE,
 * INCONCLUSIVE → ERROR (missing data is never a pass).
 */
public enum CommitState {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR;

    /**
     * The commit state for a gate verdict given by name ({@code verdict.name()}): PASS and WARNING pass, FAIL fails,
     * INCONCLUSIVE (missing data) is an error, never a pass.
     */
    public static CommitState forVerdict(String verdict) {
        return switch (verdict) {
            case "PASS", "WARNING" -> SUCCESS;
            case "FAIL" -> FAILURE;
            case "INCONCLUSIVE" -> ERROR;
            default -> throw new IllegalArgumentException("unknown verdict " + verdict);
        };
    }
}
