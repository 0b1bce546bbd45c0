package io.releasepilot.core.gate;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Unit;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One gate objective, mirroring an entry of {@code gates.objectives} or a canary step's criterion in
 * release-pilot.yml: the value named {@code metric} of the source {@code source} is compared with {@code pass} (and,
 * when it misses that, with {@code warning}) using {@code comparator}. Thresholds and values are in query units
 * (90 % is 0.9); {@code unit} only says how people read them.
 *
 * @param name the objective's name, shown in every report
 * @param source the type id of the source that yields the value ({@code junit}, {@code jacoco}, …; see
 *     {@link GateSourceRegistry})
 * @param metric the name of the value inside the source's observation: a report metric ({@code failed}, {@code
 *     line}, {@code highOrCritical}), a named Prometheus query ({@code errorRate}), or the name a probe or regression
 *     source reports under
 * @param comparator how the value is compared with the thresholds
 * @param pass the threshold the value must meet to PASS
 * @param warning the threshold that still gives WARNING when {@code pass} is missed; empty for none
 * @param unit the unit the thresholds were written in, so explanations read {@code < 1%} rather than {@code < 0.01}
 * @param weight the objective's weight in the Keptn-style total score (default 1)
 * @param key whether failing this objective fails the whole gate whatever the score
 */
public record Objective(
        String name,
        String source,
        String metric,
        Comparator comparator,
        double pass,
        OptionalDouble warning,
        Unit unit,
        double weight,
        boolean key) {

    public Objective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank() || source.isBlank() || metric.isBlank()) {
            throw new IllegalArgumentException("objective name, source and metric must not be blank");
        }
        if (Double.isNaN(pass) || (warning.isPresent() && Double.isNaN(warning.getAsDouble()))) {
            throw new IllegalArgumentException("objective '" + name + "': thresholds must be numbers");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("objective '" + name + "': weight must be ≥ 0, was " + weight);
        }
    }

    /** An objective on a plain number with weight 1, no warning threshold and not key. */
    public static Objective of(String name, String source, String metric, Comparator comparator, double pass) {
        return new Objective(name, source, metric, comparator, pass, OptionalDouble.empty(), Unit.NUMBER, 1, false);
    }

    public Objective withWarning(double threshold) {
        return new Objective(name, source, metric, comparator, pass, OptionalDouble.of(threshold), unit, weight, key);
    }

    public Objective withUnit(Unit newUnit) {
        return new Objective(name, source, metric, comparator, pass, warning, newUnit, weight, key);
    }

    public Objective withWeight(double newWeight) {
        return new Objective(name, source, metric, comparator, pass, warning, unit, newWeight, key);
    }

    public Objective asKey() {
        return new Objective(name, source, metric, comparator, pass, warning, unit, weight, true);
    }
}
