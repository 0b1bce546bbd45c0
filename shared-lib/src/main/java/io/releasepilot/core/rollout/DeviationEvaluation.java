package io.releasepilot.core.rollout;

import java.util.Objects;

/**
 * One deviation trigger at one evaluation: FIRING, OK or MISSING (a side without a value, or a stable value of 0 that
 * no relative deviation can be taken of), the two values, the relative deviation (NaN when missing) and a sentence.
 */
public record DeviationEvaluation(
        DeviationRule rule, RuleStatus status, double canary, double stable, double relative, String explanation) {
    public DeviationEvaluation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
        if (status == RuleStatus.PENDING) {
            throw new IllegalArgumentException("a deviation trigger has no window, so it is never PENDING");
        }
    }
}
