package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rollback trigger of {@code rollback.triggers}: the condition {@code metric <comparator> threshold} must hold at
 * every evaluation across {@code forWindow} (zero: at the latest one) to fire. Units are those of the metric's samples:
 * ratios as fractions (2 % = 0.02), latencies in milliseconds, health-check failures as a count.
 */
public record TriggerRule(
        String name, String metric, Comparator comparator, double threshold, Duration forWindow, Severity severity) {
    public TriggerRule {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("rollback trigger needs a name");
        }
        if (metric == null || metric.isBlank()) {
            throw new InvalidInputException("rollback trigger '" + name + "' needs a metric");
        }
        Objects.requireNonNull(comparator, "comparator").forMetricThreshold("rollback trigger '" + name + "'");
        Objects.requireNonNull(severity, "severity");
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new InvalidInputException("rollback trigger '" + name + "' needs a finite threshold");
        }
        if (forWindow == null || forWindow.isNegative()) {
            throw new InvalidInputException("rollback trigger '" + name + "': 'for' must be zero or positive");
        }
    }

    /** The product brief's rollback triggers, critical and warning tiers, as in docs/release-pilot.example.yml. */
    public static List<TriggerRule> defaults() {
        return List.of(
                rule("error-rate", "errorRate", ">", 0.02, Duration.ofMinutes(2), Severity.CRITICAL),
                rule("p95-latency", "p95Latency", ">", 1000, Duration.ofMinutes(5), Severity.CRITICAL),
                rule("health", "healthCheckFailures", ">=", 3, Duration.ZERO, Severity.CRITICAL),
                rule("memory", "memory", ">", 0.95, Duration.ofMinutes(2), Severity.CRITICAL),
                rule("db-pool", "dbPool", ">", 0.95, Duration.ZERO, Severity.CRITICAL),
                rule("error-rate-warning", "errorRate", ">", 0.01, Duration.ofMinutes(5), Severity.WARNING),
                rule("p95-latency-warning", "p95Latency", ">", 750, Duration.ofMinutes(10), Severity.WARNING),
                rule("health-warning", "healthCheckFailures", ">=", 1, Duration.ZERO, Severity.WARNING));
    }

    private static TriggerRule rule(
            String name, String metric, String comparator, double threshold, Duration window, Severity severity) {
        return new TriggerRule(
                name, metric, Comparator.ofSymbol(comparator).orElseThrow(), threshold, window, severity);
    }

    /** The rule as a person writes it: {@code errorRate > 0.02 for 2m (critical)}. */
    public String describe() {
        return metric + " " + comparator.symbol() + " " + threshold + " for " + forWindow + " (" + severity + ")";
    }
}
