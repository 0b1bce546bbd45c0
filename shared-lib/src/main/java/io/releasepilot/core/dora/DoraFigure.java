package io.releasepilot.core.dora;

import java.util.Optional;

/**
 * One DORA figure with its target and band. A figure without data has an empty value, band NO_DATA and target
 * status NO_DATA: never a zero that would look good.
 *
 * @param metric which metric
 * @param value the figure in {@link DoraMetric#unit()} (median for lead time and restore); empty when no data
 * @param p90 90th percentile for lead time; empty otherwise
 * @param sampleSize how many releases (or restores) the figure is computed from
 * @param target the target, as text ({@code < 2 h})
 * @param targetStatus whether the figure meets the target
 * @param band the DORA performance band
 * @param source how the figure was computed, in one sentence
 */
public record DoraFigure(
        DoraMetric metric,
        Optional<Double> value,
        Optional<Double> p90,
        int sampleSize,
        String target,
        TargetStatus targetStatus,
        PerformanceBand band,
        String source) {

    /** True when the figure has a value. */
    public boolean hasData() {
        return value.isPresent();
    }
}
