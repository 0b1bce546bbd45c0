package io.releasepilot.core.judge;

/**
 * The judge settings of {@code strategy.canary.judge}. Percentages are ratios (98 % is 0.98).
 *
 * @param confidence confidence of the Mann-Whitney U test (default 0.98): a difference counts when p &lt; 1 − confidence
 * @param effectSize allowed relative change of the median before a metric counts as different (default 0.25)
 * @param minSamples fewer samples (after outlier removal) on either side make the metric INCONCLUSIVE (default 10)
 * @param passScore score at or above which the canary passes (default 95)
 * @param marginalScore score at or above which the canary is marginal, WARNING (default 75)
 * @param outlierIqrFactor samples beyond Q1 − f × IQR or Q3 + f × IQR are removed (default 3; 0 keeps all)
 */
public record JudgeConfig(
        double confidence,
        double effectSize,
        int minSamples,
        double passScore,
        double marginalScore,
        double outlierIqrFactor) {

    public JudgeConfig {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("judge confidence must be within (0, 1), was " + confidence);
        }
        if (!(effectSize >= 0) || Double.isInfinite(effectSize)) {
            throw new IllegalArgumentException("judge effect size must be ≥ 0, was " + effectSize);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("judge minSamples must be ≥ 1, was " + minSamples);
        }
        if (!(marginalScore >= 0 && marginalScore <= passScore && passScore <= 100)) {
            throw new IllegalArgumentException("judge scores need 0 ≤ marginalScore ≤ passScore ≤ 100");
        }
        if (!(outlierIqrFactor >= 0)) {
            throw new IllegalArgumentException("judge outlierIqrFactor must be ≥ 0, was " + outlierIqrFactor);
        }
    }

    /** The defaults: 98 % confidence, ±25 % effect size, 10 samples, pass 95, marginal 75, 3 × IQR. */
    public static JudgeConfig defaults() {
        return new JudgeConfig(0.98, 0.25, 10, 95, 75, 3);
    }
}
