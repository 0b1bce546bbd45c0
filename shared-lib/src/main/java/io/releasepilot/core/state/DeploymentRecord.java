package io.releasepilot.core.state;

import io.releasepilot.core.release.ReleaseStrategy;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A release as DORA metrics need it.
 *
 * @param releaseId the release
 * @param version its version
 * @param commitSha the released commit
 * @param strategy how it was rolled out (ROLLBACK for a manual rollback release)
 * @param state final or current state
 * @param startedAt start
 * @param finishedAt end (null while in progress)
 * @param firstCommitAt the release's first commit time (lead time for changes), if recorded
 * @param rolledBack true when the release ended ROLLED_BACK or a later release rolled it back
 */
public record DeploymentRecord(
        UUID releaseId,
        String version,
        @Nullable String commitSha,
        ReleaseStrategy strategy,
        ReleaseState state,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant firstCommitAt,
        boolean rolledBack) {
    public DeploymentRecord {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
