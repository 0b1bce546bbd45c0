package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Direction;
import java.util.Objects;

/**
 * A business-metric trigger: the canary's value of {@code metric} against the stable side's in the same window; it
 * fires when the relative deviation {@code (canary − stable) / stable} goes past {@code deviation} (a fraction: 0.5 is
 * 50 %) in {@code direction}. Its action is review: pause and wait for an operator.
 */
public record DeviationRule(String name, String metric, double deviation, Direction direction) {
    public DeviationRule {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("deviation trigger needs a name");
        }
        if (metric == null || metric.isBlank()) {
            throw new InvalidInputException("deviation trigger '" + name + "' needs a metric");
        }
        if (!(deviation > 0) || Double.isInfinite(deviation)) {
            throw new InvalidInputException("deviation trigger '" + name + "' needs a deviation above 0");
        }
        Objects.requireNonNull(direction, "direction");
    }

    /** The rule as a person writes it: {@code checkoutRate 50% decrease against stable}. */
    public String describe() {
        return metric + " deviates " + Math.round(deviation * 100) + "% (" + direction.yamlName() + ") from stable";
    }
}
