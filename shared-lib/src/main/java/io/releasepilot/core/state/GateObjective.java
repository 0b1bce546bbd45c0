package io.releasepilot.core.state;

import io.releasepilot.core.release.Verdict;
import java.util.Objects;

/**
 * One objective of a gate as a {@link StepDetail.Gate} keeps it (name, source, metric, origin, value, comparator, pass,
 * verdict).
 *
 * @param origin the file(s), query or URL the value came from
 * @param value the measured value, NaN when there was none
 * @param comparator the comparator's symbol, e.g. {@code >=}
 * @param pass the pass threshold
 */
public record GateObjective(
        String name,
        String source,
        String metric,
        String origin,
        double value,
        String comparator,
        double pass,
        Verdict verdict) {
    public GateObjective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(verdict, "verdict");
    }
}
