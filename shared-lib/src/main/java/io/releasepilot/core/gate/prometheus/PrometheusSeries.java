package io.releasepilot.core.gate.prometheus;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One series of a Prometheus query result: its labels and its samples (one for an instant query, many for a range
 * query). Timestamps are epoch seconds as Prometheus gives them.
 *
 * @param labels the series' labels ({@code __name__} included when Prometheus returns it)
 * @param timestamps sample times, epoch seconds
 * @param values sample values (NaN where Prometheus says NaN)
 */
public record PrometheusSeries(Map<String, String> labels, double[] timestamps, double[] values) {

    public PrometheusSeries {
        labels = Map.copyOf(labels);
        timestamps = timestamps.clone();
        values = values.clone();
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("as many timestamps as values are needed");
        }
    }

    @Override
    public double[] timestamps() {
        return timestamps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The last value, the only one of an instant query. */
    public double lastValue() {
        if (values.length == 0) {
            throw new IllegalStateException("series " + labels + " has no samples");
        }
        return values[values.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrometheusSeries series
                && labels.equals(series.labels)
                && Arrays.equals(timestamps, series.timestamps)
                && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Arrays.hashCode(timestamps), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "PrometheusSeries" + labels + "[" + values.length + " samples]";
    }
}
