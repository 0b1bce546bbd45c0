package io.releasepilot.core.judge;

import io.releasepilot.core.release.Direction;
import java.util.Arrays;
import java.util.Objects;

/**
 * One metric's samples over an analysis window: the canary's and the baseline's (stable version), typically from
 * {@code PrometheusClient.versionSamples}.
 *
 * @param metric the metric name ({@code strategy.canary.judge.metrics[].name})
 * @param direction which change is bad
 * @param critical whether failing this metric fails the canary whatever the score
 * @param canary the canary's samples
 * @param baseline the baseline's samples
 */
public record MetricSamples(String metric, Direction direction, boolean critical, double[] canary, double[] baseline) {

    public MetricSamples {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        canary = canary.clone();
        baseline = baseline.clone();
    }

    /** A non-critical metric. */
    public static MetricSamples of(String metric, Direction direction, double[] canary, double[] baseline) {
        return new MetricSamples(metric, direction, false, canary, baseline);
    }

    @Override
    public double[] canary() {
        return canary.clone();
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    // Package-private views for the judge: no defensive copy of 100k samples per read.
    double[] canaryView() {
        return canary;
    }

    double[] baselineView() {
        return baseline;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricSamples samples
                && metric.equals(samples.metric)
                && direction == samples.direction
                && critical == samples.critical
                && Arrays.equals(canary, samples.canary)
                && Arrays.equals(baseline, samples.baseline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, direction, critical, Arrays.hashCode(canary), Arrays.hashCode(baseline));
    }

    @Override
    public String toString() {
        return "MetricSamples[" + metric + ", " + direction + ", canary " + canary.length + ", baseline "
                + baseline.length + "]";
    }
}
