package io.releasepilot.core.judge;

import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Verdict;
import java.util.Objects;

/**
 * One metric judged, with everything needed to explain it.
 *
 * @param metric the metric name
 * @param direction which change is bad
 * @param critical whether it was a critical metric
 * @param canaryCount canary samples used (after NaN and outlier removal)
 * @param baselineCount baseline samples used
 * @param canaryOutliers canary samples removed as outliers
 * @param baselineOutliers baseline samples removed as outliers
 * @param canaryMedian median of the canary samples (NaN without samples)
 * @param baselineMedian median of the baseline samples
 * @param effectSize (canary median − baseline median) / |baseline median|; NaN when not computed
 * @param pValue two-sided Mann-Whitney U p-value; NaN when not computed
 * @param verdict PASS (no bad significant change), FAIL (significant change beyond the allowed effect in the bad
 *     direction) or INCONCLUSIVE (too few samples)
 * @param explanation the decision in one sentence, with the numbers
 */
public record MetricComparison(
        String metric,
        Direction direction,
        boolean critical,
        int canaryCount,
        int baselineCount,
        int canaryOutliers,
        int baselineOutliers,
        double canaryMedian,
        double baselineMedian,
        double effectSize,
        double pValue,
        Verdict verdict,
        String explanation) {

    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        if (verdict == Verdict.WARNING) {
            throw new IllegalArgumentException("a single metric is PASS, FAIL or INCONCLUSIVE");
        }
    }
}
