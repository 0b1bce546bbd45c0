package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * One canary step: the canary's share of traffic, how long it is held, and what must hold meanwhile.
 *
 * @param weight a whole percent, 1..100: routers split traffic in whole percents
 * @param duration how long the step is held; 0 for the final 100 % step
 * @param criteria per-step success criteria; empty means only the rollback triggers and the judge apply
 */
public record CanaryStepSpec(Percent weight, Duration duration, List<CriterionSpec> criteria) {
    public CanaryStepSpec {
        double percent = Require.range(Require.present(weight, "weight").value(), 1, 100, "weight");
        if (percent != Math.rint(percent)) {
            throw new IllegalArgumentException("weight must be a whole percent, got " + weight);
        }
        Require.nonNegative(duration, "duration");
        criteria = Require.list(criteria, "criteria");
    }
}
