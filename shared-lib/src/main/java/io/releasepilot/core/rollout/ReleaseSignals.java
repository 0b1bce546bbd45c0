package io.releasepilot.core.rollout;

import io.releasepilot.core.judge.MetricSamples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the release engine's measurements come from: named metric queries for one version and the HTTP health check
 * of the new version. Every call has a timeout; a failed measurement is NaN (metrics) or a failed probe (health),
 * never an exception and never a pass.
 */
public interface ReleaseSignals {
    /** The values of {@code names} for {@code version}; NaN for a name with no query, no data or a failed query. */
    Map<String, Double> metrics(List<String> names, String version);

    /** One probe of the health check: empty when none is configured, else whether it answered as expected. */
    Optional<Boolean> probeHealth();

    /** One HTTP probe (blue-green smoke checks): whether {@code check.url()} answered its status in time. */
    boolean probe(RolloutPlan.SmokeCheck check);

    /**
     * The canary's and the baseline's samples of each judge metric over {@code [start, end]}; empty when this source
     * cannot give samples (no Prometheus): the judge is then skipped, never passed.
     */
    default Optional<List<MetricSamples>> judgeSamples(
            JudgePlan judge, String canaryVersion, String baselineVersion, Instant start, Instant end) {
        return Optional.empty();
    }
}
