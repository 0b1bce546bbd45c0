package io.releasepilot.cli.github;

/**
 * States of a commit status. The runner maps a gate verdict once: PASS and WARNING → SUCCESS, FAIL → FAILURE,
 * INCONCLUSIVE → ERROR (missing data is never a pass).
 */
public enum CommitState {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR
}
