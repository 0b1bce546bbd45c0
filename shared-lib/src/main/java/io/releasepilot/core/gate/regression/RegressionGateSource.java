package io.releasepilot.core.gate.regression;

import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A regression check: the current value of {@code metric} (from another source, e.g. a Prometheus query) compared with
 * its baseline (a file, or the ledger's last successful release). The value, named after the objective, is the
 * relative regression: (current − baseline) / |baseline| when higher is worse (latency, error rate), the opposite
 * when lower is worse (throughput, coverage); objectives compare it with {@code < 0.1} for "less than 10 %
 * regression". No current value or no baseline is "no data". Values: {@code <name>}, {@code <name>.current}, {@code
 * <name>.baseline}.
 */
public final class RegressionGateSource implements GateSource {

    public static final String TYPE = "regression";

    private final String name;
    private final String metric;
    private final GateSource current;
    private final BaselineSource baseline;
    private final boolean higherIsWorse;

    public RegressionGateSource(
            String name, String metric, GateSource current, BaselineSource baseline, boolean higherIsWorse) {
        this.name = name;
        this.metric = metric;
        this.current = current;
        this.baseline = baseline;
        this.higherIsWorse = higherIsWorse;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Observation observe() {
        Observation now = current.observe();
        String origin = metric + " from " + now.origin() + " vs baseline " + baseline.origin();
        OptionalDouble value = now.value(metric);
        if (value.isEmpty()) {
            return Observation.unavailable(
                    TYPE,
                    origin,
                    "no current value of " + metric + ": "
                            + now.reasonMissing(metric)
                                    .orElse("the " + now.source() + " source has no '" + metric + "'"));
        }
        OptionalDouble reference = baseline.baseline(metric);
        if (reference.isEmpty()) {
            return Observation.unavailable(TYPE, origin, "no baseline value of " + metric + " in " + baseline.origin());
        }
        double base = reference.getAsDouble();
        double change = value.getAsDouble() - base;
        double regression;
        if (base == 0) {
            regression = change == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, higherIsWorse ? change : -change);
        } else {
            regression = (higherIsWorse ? change : -change) / Math.abs(base);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name, regression);
        values.put(name + ".current", value.getAsDouble());
        values.put(name + ".baseline", base);
        return Observation.of(TYPE, origin, values);
    }
}
