package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * One step of {@code strategy.canary.steps}: the canary's traffic weight (percent), how long it stays, its criteria.
 * The spec's defaults and the user-facing checks (with line and column) are in the spec package; this record only
 * keeps its own invariants.
 */
public record CanaryStep(int weight, Duration duration, List<CanaryCriterion> criteria) {
    public CanaryStep {
        if (weight < 1 || weight > 100) {
            throw new InvalidInputException("canary step weight must be 1..100 %, got " + weight);
        }
        if (duration == null || duration.isNegative()) {
            throw new InvalidInputException("canary step duration must be zero or positive, got " + duration);
        }
        criteria = List.copyOf(criteria);
    }
}
