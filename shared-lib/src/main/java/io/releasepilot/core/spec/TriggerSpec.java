package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import java.time.Duration;

/**
 * A rollback trigger: it fires when {@code metric <comparator> threshold} held at every evaluation across
 * {@code forDuration} (the spec's {@code for}); zero means at once.
 *
 * @param metric a query name from {@code metrics.prometheus.queries} or {@code healthCheckFailures}
 * @param comparator {@code <}, {@code <=}, {@code >} or {@code >=}: a metric threshold takes no {@code ==}
 */
public record TriggerSpec(
        String name,
        String metric,
        Comparator comparator,
        Quantity threshold,
        Duration forDuration,
        Severity severity) {
    public TriggerSpec {
        Require.text(name, "trigger name");
        Require.text(metric, "trigger metric");
        MetricThreshold.require(comparator, "trigger '" + name + "'");
        Require.present(threshold, "threshold");
        Require.nonNegative(forDuration, "for");
        Require.present(severity, "severity");
    }
}
