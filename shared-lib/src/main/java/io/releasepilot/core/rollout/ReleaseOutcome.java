package io.releasepilot.core.rollout;

import io.releasepilot.core.state.ReleaseState;
import java.util.Objects;
import java.util.UUID;

/**
 * How a run of the release engine ended.
 *
 * @param releaseId the release
 * @param state its final state (SUCCEEDED, ROLLED_BACK, FAILED, ABORTED), or PAUSED/IN_PROGRESS for an operator
 *     command that does not wait
 * @param version the version released (or, for a manual rollback, the version returned to)
 * @param environment the environment
 * @param reason why it ended this way
 * @param report Markdown report of the run, built from the ledger's steps
 */
public record ReleaseOutcome(
        UUID releaseId, ReleaseState state, String version, String environment, String reason, String report) {
    public ReleaseOutcome {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(report, "report");
    }

    /** Whether the new version is live. */
    public boolean succeeded() {
        return state == ReleaseState.SUCCEEDED;
    }
}
