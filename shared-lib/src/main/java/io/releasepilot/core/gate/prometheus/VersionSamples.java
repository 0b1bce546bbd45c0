package io.releasepilot.core.gate.prometheus;

import java.util.Arrays;
import java.util.Objects;

/**
 * The samples of one judge metric over an analysis window, split by version: the canary's and the baseline's
 * (stable) values, ready for {@code CanaryJudge}.
 *
 * @param query the PromQL that was run
 * @param canary the canary version's values (NaN removed)
 * @param baseline the baseline version's values (NaN removed)
 */
public record VersionSamples(String query, double[] canary, double[] baseline) {

    public VersionSamples {
        Objects.requireNonNull(query, "query");
        canary = canary.clone();
        baseline = baseline.clone();
    }

    @Override
    public double[] canary() {
        return canary.clone();
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionSamples samples
                && query.equals(samples.query)
                && Arrays.equals(canary, samples.canary)
                && Arrays.equals(baseline, samples.baseline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, Arrays.hashCode(canary), Arrays.hashCode(baseline));
    }

    @Override
    public String toString() {
        return "VersionSamples[" + query + ": canary " + canary.length + ", baseline " + baseline.length + "]";
    }
}
