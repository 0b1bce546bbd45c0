package io.releasepilot.core.rollout;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.judge.MetricSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a running release's measurements come from. The engine does not measure by itself: the named metric queries
 * and the health check are gate sources (the Prometheus gate source and the HTTP probe gate source, or stand-ins that
 * answer the same names), whose observations the {@link io.releasepilot.core.gate.GateEvaluator} judges; only the
 * canary judge's samples, which no gate source gives, are read here. Every observation is bounded by a timeout; a
 * failed one is missing data (INCONCLUSIVE) or a failed probe, never an exception and never a pass.
 */
public interface ReleaseSignals {
    /** The name of the health check's probe; its observation holds {@code healthCheck.healthy} (1 or 0). */
    String HEALTH_CHECK = "healthCheck";

    /**
     * The named metric queries {@code names} ({@code metrics.prometheus.queries}) measured for {@code version}, as a
     * source of type {@code prometheus}: each observation holds the value of every query that answered and the reason
     * for each that did not (a name without a query has no value).
     */
    GateSource metrics(List<String> names, String version);

    /**
     * The health check as a probe source of type {@code probe} named {@link #HEALTH_CHECK}, one attempt per
     * observation; empty when the spec has none.
     */
    Optional<GateSource> health();

    /**
     * The canary's and the baseline's samples of each judge metric over {@code [start, end]}; empty when this source
     * cannot give samples (no Prometheus): the judge is then skipped, never passed.
     */
    default Optional<List<MetricSamples>> judgeSamples(
            JudgePlan judge, String canaryVersion, String baselineVersion, Instant start, Instant end) {
        return Optional.empty();
    }

    /**
     * Whether this source is configured to give values of {@code metric} at all ({@code healthCheckFailures}: a health
     * check; other names: a query). A trigger on a metric no source answers can never fire, so the engine leaves it out
     * of the missing-data check ({@link SignalCheck} reports it); one that is answered but gives no value is missing
     * data. By default every name is answered.
     */
    default boolean answers(String metric) {
        return true;
    }

    /** Whether a probe's observation says the probe named {@code name} answered as expected; unavailable is not. */
    static boolean healthy(Observation probe, String name) {
        return probe.value(name + ".healthy").orElse(0) == 1;
    }
}
