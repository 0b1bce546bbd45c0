package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;

/**
 * A success criterion of a canary step, written {@code errorRate: "< 0.5%"}: the named query's value must satisfy
 * {@code value <comparator> threshold}.
 *
 * @param comparator {@code <}, {@code <=}, {@code >} or {@code >=}: a metric threshold takes no {@code ==}
 * @param metric a query name from {@code metrics.prometheus.queries}
 */
public record CriterionSpec(String metric, Comparator comparator, Quantity threshold) {
    public CriterionSpec {
        Require.text(metric, "criterion metric");
        MetricThreshold.require(comparator, "criterion '" + metric + "'");
        Require.present(threshold, "threshold");
    }
}
