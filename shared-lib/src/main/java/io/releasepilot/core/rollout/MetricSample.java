package io.releasepilot.core.rollout;

import java.time.Instant;
import java.util.Objects;

/**
 * One evaluation of one metric at one instant. {@code value} is NaN when the evaluation produced no number (the query
 * returned nothing, the probe could not be made); the trigger decider reports such gaps instead of treating them as
 * healthy.
 */
public record MetricSample(String metric, Instant at, double value) {
    public MetricSample {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
    }

    /** A sample that marks a failed evaluation. */
    public static MetricSample missing(String metric, Instant at) {
        return new MetricSample(metric, at, Double.NaN);
    }
}
