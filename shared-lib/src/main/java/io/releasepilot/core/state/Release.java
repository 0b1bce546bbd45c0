package io.releasepilot.core.state;

import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A release as the ledger holds it. {@code currentStep} and {@code weights} are what a restarted run resumes from.
 *
 * @param id release id
 * @param request what was started
 * @param state where it is
 * @param currentStep the step reached: the 1-based number of the canary step whose weight is in effect, 0 before the
 *     first; for blue-green the ordinal of the cutover phase reached (the convention of {@link NewStep})
 * @param weights router weights last set, null before any were set
 * @param startedAt when it started
 * @param finishedAt when it reached a final state
 * @param finishReason why it finished that way, if given
 * @param lockHolder who holds the environment lock now (the starter, or whoever took it over)
 */
public record Release(
        UUID id,
        ReleaseRequest request,
        ReleaseState state,
        int currentStep,
        @Nullable TrafficSplit weights,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String finishReason,
        LockHolder lockHolder) {

    public Release {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lockHolder, "lockHolder");
    }

    public String service() {
        return request.service();
    }

    public String environment() {
        return request.environment();
    }

    public String version() {
        return request.version();
    }

    public Optional<TrafficSplit> lastWeights() {
        return Optional.ofNullable(weights);
    }

    /** This release with its progress moved to {@code step} and {@code weights}. */
    public Release withProgress(int step, @Nullable TrafficSplit weights) {
        return new Release(id, request, state, step, weights, startedAt, finishedAt, finishReason, lockHolder);
    }
}
