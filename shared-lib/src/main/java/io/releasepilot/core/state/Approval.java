package io.releasepilot.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manual approval of one step of a release.
 *
 * @param sequence approval order
 * @param releaseId the release
 * @param stepIndex the step approved
 * @param approver who approved, from which CI run
 * @param comment as given
 * @param at when
 */
public record Approval(
        long sequence,
        UUID releaseId,
        int stepIndex,
        Actor approver,
        @Nullable String comment,
        Instant at) {
    public Approval {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
    }
}
