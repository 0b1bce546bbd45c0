package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateTotals;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.GatesPolicy;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.probe.HttpProbeGateSource;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.MetricsSpec;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One step of {@code strategy.canary.steps}: the canary's traffic weight (percent), how long it stays, and its
 * criteria. A criterion is a gate {@link Objective} (a key one: every criterion must hold), evaluated by the one
 * {@link GateEvaluator} over the observations of the gate sources, so a step reports value, threshold in the user's
 * units and origin exactly as a gate does. The spec's defaults and the user-facing checks (with line and column) are in
 * the spec package; this record only keeps its own invariants.
 */
public record CanaryStep(int weight, Duration duration, List<Objective> criteria) {
    /**
     * How a step's criteria combine: each is a key objective, so one that misses its threshold fails the step whatever
     * the others say, and one without data makes it INCONCLUSIVE (missing data never advances a canary).
     */
    static final GatesPolicy CRITERIA_POLICY = new GatesPolicy(100, 100, true, List.of());

    public CanaryStep {
        if (weight < 1 || weight > 100) {
            throw new InvalidInputException("canary step weight must be 1..100 %, got " + weight);
        }
        if (duration == null || duration.isNegative()) {
            throw new InvalidInputException("canary step duration must be zero or positive, got " + duration);
        }
        criteria = List.copyOf(criteria);
        for (Objective criterion : criteria) {
            if (!criterion.key()) {
                throw new InvalidInputException(
                        "canary criterion '" + criterion.name() + "' must be a key objective (see criterion())");
            }
        }
    }

    /**
     * The criterion {@code metric <comparator> threshold}, threshold in query units (a ratio for a percentage,
     * milliseconds for a duration) and {@code unit} the one it was written in. {@code healthCheckFailures} is read from
     * the health probe, every other metric is a named Prometheus query. Only {@code <}, {@code <=}, {@code >} and
     * {@code >=} are accepted ({@link Comparator#forMetricThreshold}).
     */
    public static Objective criterion(String metric, Comparator comparator, double threshold, Unit unit) {
        comparator.forMetricThreshold("criterion '" + metric + "'");
        String source =
                MetricsSpec.HEALTH_CHECK_FAILURES.equals(metric) ? HttpProbeGateSource.TYPE : PrometheusGateSource.TYPE;
        return new Objective(metric, source, metric, comparator, threshold, OptionalDouble.empty(), unit, 1, true);
    }

    /**
     * The analysis of a step's criteria over the observations, by the {@link GateEvaluator} under {@link
     * #CRITERIA_POLICY}: PASS when every criterion holds, FAIL when one with a value misses its threshold, otherwise
     * INCONCLUSIVE. A step without criteria asks nothing of the metrics and passes (the rollback triggers and the
     * canary judge still apply).
     */
    public static GateVerdict analysis(List<Objective> criteria, List<Observation> observations) {
        if (criteria.isEmpty()) {
            return new GateVerdict(
                    Verdict.PASS, 100, List.of(), new GateTotals(0, 0, 0, 0, 0, 0), "the step has no criteria");
        }
        return GateEvaluator.evaluate(CRITERIA_POLICY, criteria, observations);
    }
}
