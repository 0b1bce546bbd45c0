package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;

/**
 * A success criterion of a canary step, written {@code errorRate: "< 0.5%"}: the named query's value must satisfy
 * {@code value <comparator> threshold}.
 *
 * @param metric a query name from {@code metrics.prometheus.queries}
 */
public record CriterionSpec(String metric, Comparator comparator, Quantity threshold) {
    public CriterionSpec {
        Require.text(metric, "criterion metric");
        Require.present(comparator, "comparator");
        Require.present(threshold, "threshold");
    }
}
