package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One step of {@code strategy.canary.steps}: the canary's traffic weight (percent), how long it stays, its criteria. */
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

    /** The brief's default steps: 5/25/75/100 % for 10/30/60/0 min, error &lt; 0.5/1/1.5 %, P95 &lt; 400/450/500 ms. */
    public static List<CanaryStep> defaults() {
        return List.of(
                step(5, Duration.ofMinutes(10), 0.005, 400),
                step(25, Duration.ofMinutes(30), 0.01, 450),
                step(75, Duration.ofMinutes(60), 0.015, 500),
                new CanaryStep(100, Duration.ZERO, List.of()));
    }

    private static CanaryStep step(int weight, Duration duration, double maxErrorRate, double maxP95Millis) {
        return new CanaryStep(
                weight,
                duration,
                List.of(
                        new CanaryCriterion("errorRate", TriggerComparator.LESS, maxErrorRate),
                        new CanaryCriterion("p95Latency", TriggerComparator.LESS, maxP95Millis)));
    }

    /** Checks a whole step list: weights strictly increasing, the last one 100 %. */
    public static List<CanaryStep> validated(List<CanaryStep> steps) {
        if (steps.isEmpty()) {
            throw new InvalidInputException("strategy.canary.steps must not be empty");
        }
        List<CanaryStep> copy = new ArrayList<>(steps);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).weight() <= copy.get(i - 1).weight()) {
                throw new InvalidInputException("strategy.canary.steps: weights must strictly increase, step " + (i + 1)
                        + " has " + copy.get(i).weight() + " % after "
                        + copy.get(i - 1).weight() + " %");
            }
        }
        if (copy.get(copy.size() - 1).weight() != 100) {
            throw new InvalidInputException("strategy.canary.steps: the last step must be 100 %");
        }
        return List.copyOf(copy);
    }
}
