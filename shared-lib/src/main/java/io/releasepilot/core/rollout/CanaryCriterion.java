package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;

/**
 * One criterion of a canary step, e.g. {@code errorRate < 0.005} (units as for {@link TriggerRule}). The engine's
 * analysis evaluates criteria into the step's {@link AnalysisVerdict}.
 */
public record CanaryCriterion(String metric, TriggerComparator comparator, double threshold) {
    public CanaryCriterion {
        if (metric == null || metric.isBlank()) {
            throw new InvalidInputException("canary criterion needs a metric");
        }
        if (comparator == null) {
            throw new InvalidInputException("canary criterion '" + metric + "' needs a comparator");
        }
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new InvalidInputException("canary criterion '" + metric + "' needs a finite threshold");
        }
    }
}
