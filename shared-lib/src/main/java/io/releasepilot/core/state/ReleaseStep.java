package io.releasepilot.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded step of a release.
 *
 * @param sequence ledger order
 * @param releaseId the release
 * @param step what was recorded
 * @param recordedAt when
 */
public record ReleaseStep(long sequence, UUID releaseId, NewStep step, Instant recordedAt) {
    public ReleaseStep {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
