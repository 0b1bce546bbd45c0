package io.releasepilot.core.spec;

import java.util.List;

/**
 * The Kayenta-style canary judge: Mann-Whitney U per metric, canary vs baseline.
 *
 * @param confidence the test's confidence level
 * @param effectSize the relative change allowed before a metric counts as different
 * @param minSamples below this many samples a metric is INCONCLUSIVE
 * @param passScore score (0..100) at or above which the canary passes
 * @param marginalScore score (0..100) at or above which it is marginal; below it fails
 * @param outlierIqrFactor samples beyond this many interquartile ranges are dropped
 * @param metrics the metrics compared; empty means the judge has nothing to compare and is skipped
 */
public record JudgeSpec(
        boolean enabled,
        Percent confidence,
        Percent effectSize,
        int minSamples,
        double passScore,
        double marginalScore,
        double outlierIqrFactor,
        List<JudgeMetricSpec> metrics) {
    public JudgeSpec {
        Require.range(Require.present(confidence, "confidence").value(), 0, 100, "confidence");
        Require.present(effectSize, "effectSize");
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
        }
        Require.range(passScore, 0, 100, "passScore");
        Require.range(marginalScore, 0, passScore, "marginalScore");
        if (!(outlierIqrFactor > 0) || !Double.isFinite(outlierIqrFactor)) {
            throw new IllegalArgumentException("outlierIqrFactor must be > 0, got " + outlierIqrFactor);
        }
        metrics = Require.list(metrics, "metrics");
    }
}
