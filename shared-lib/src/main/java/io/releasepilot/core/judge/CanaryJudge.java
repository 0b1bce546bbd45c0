package io.releasepilot.core.judge;

import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.release.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A Kayenta-style canary judge. Per metric: NaN and infinite samples dropped, outliers beyond {@code
 * outlierIqrFactor} × IQR removed on each side, fewer than {@code minSamples} left ⇒ INCONCLUSIVE; otherwise a
 * two-sided Mann-Whitney U test and the relative change of the medians. A metric FAILs when the difference is
 * significant (p &lt; 1 − confidence) <em>and</em> the medians moved beyond the allowed effect size in the bad
 * direction; otherwise it PASSes. The score is passed / judged × 100; a failed critical metric makes it 0; half or
 * more INCONCLUSIVE metrics make the whole judgement INCONCLUSIVE (no data is never PASS).
 *
 * <p>The U statistic is computed on the sorted samples in O(n log n) with primitive arrays, and its p-value with
 * commons-math3's normal distribution: the same normal approximation as commons-math3's {@code MannWhitneyUTest}
 * (equal p-values without ties, checked by a test) plus the standard tie correction of the variance, which that class
 * lacks and discrete metrics (error counts) need; {@code MannWhitneyUTest} itself allocates an object per sample,
 * too slow for 2 × 100k samples within the 100 ms budget. Pure: no I/O, no clock.
 */
public final class CanaryJudge {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private CanaryJudge() {}

    /** Judges every metric and aggregates the score. */
    public static JudgeResult judge(JudgeConfig config, List<MetricSamples> metrics) {
        List<MetricComparison> comparisons = new ArrayList<>();
        for (MetricSamples samples : metrics) {
            comparisons.add(compare(config, samples));
        }
        return aggregate(config, comparisons);
    }

    /** Judges one metric. */
    public static MetricComparison compare(JudgeConfig config, MetricSamples samples) {
        double[] canaryAll = finiteSorted(samples.canaryView());
        double[] baselineAll = finiteSorted(samples.baselineView());
        double[] canary = withoutOutliers(canaryAll, config.outlierIqrFactor());
        double[] baseline = withoutOutliers(baselineAll, config.outlierIqrFactor());
        int canaryOutliers = canaryAll.length - canary.length;
        int baselineOutliers = baselineAll.length - baseline.length;
        double canaryMedian = median(canary);
        double baselineMedian = median(baseline);
        String counts = "canary n=" + canary.length + " (" + canaryOutliers + " outliers removed), baseline n="
                + baseline.length + " (" + baselineOutliers + " outliers removed)";
        if (canary.length < config.minSamples() || baseline.length < config.minSamples()) {
            return new MetricComparison(
                    samples.metric(),
                    samples.direction(),
                    samples.critical(),
                    canary.length,
                    baseline.length,
                    canaryOutliers,
                    baselineOutliers,
                    canaryMedian,
                    baselineMedian,
                    Double.NaN,
                    Double.NaN,
                    Verdict.INCONCLUSIVE,
                    samples.metric() + ": too few samples (" + counts + "; needs " + config.minSamples()
                            + " each): INCONCLUSIVE");
        }
        double pValue = mannWhitneyPValue(canary, baseline);
        double effect = effectSize(canaryMedian, baselineMedian);
        boolean significant = pValue < 1 - config.confidence();
        boolean bad = switch (samples.direction()) {
            case INCREASE -> effect > config.effectSize();
            case DECREASE -> effect < -config.effectSize();
            case EITHER -> Math.abs(effect) > config.effectSize();
        };
        Verdict verdict = significant && bad ? Verdict.FAIL : Verdict.PASS;
        String why;
        if (verdict == Verdict.FAIL) {
            why = "significant change beyond the allowed ±" + percent(config.effectSize()) + " in the bad direction";
        } else if (!significant) {
            why = "no significant difference at " + percent(config.confidence()) + " confidence";
        } else if (Math.abs(effect) <= config.effectSize()) {
            why = "significant but within the allowed ±" + percent(config.effectSize());
        } else {
            why = "significant change in the good direction";
        }
        String explanation = samples.metric() + ": median canary " + GateEvaluator.format(canaryMedian)
                + " vs baseline " + GateEvaluator.format(baselineMedian) + " (effect " + signedPercent(effect)
                + ", bad = " + samples.direction().name().toLowerCase(java.util.Locale.ROOT) + "), p = "
                + String.format(java.util.Locale.ROOT, "%.3g", pValue) + ", " + counts + ": " + why + ": " + verdict;
        return new MetricComparison(
                samples.metric(),
                samples.direction(),
                samples.critical(),
                canary.length,
                baseline.length,
                canaryOutliers,
                baselineOutliers,
                canaryMedian,
                baselineMedian,
                effect,
                pValue,
                verdict,
                explanation);
    }

    private static JudgeResult aggregate(JudgeConfig config, List<MetricComparison> comparisons) {
        if (comparisons.isEmpty()) {
            return new JudgeResult(Verdict.INCONCLUSIVE, 0, comparisons, "no metrics to judge");
        }
        int passed = 0;
        int inconclusive = 0;
        List<String> criticalFailed = new ArrayList<>();
        List<String> criticalMissing = new ArrayList<>();
        for (MetricComparison comparison : comparisons) {
            if (comparison.verdict() == Verdict.PASS) {
                passed++;
            } else if (comparison.verdict() == Verdict.INCONCLUSIVE) {
                inconclusive++;
                if (comparison.critical()) {
                    criticalMissing.add(comparison.metric());
                }
            } else if (comparison.critical()) {
                criticalFailed.add(comparison.metric());
            }
        }
        int judged = comparisons.size() - inconclusive;
        double score = judged == 0 ? 0 : Math.round(passed * 10_000.0 / judged) / 100.0;
        if (!criticalFailed.isEmpty()) {
            return new JudgeResult(
                    Verdict.FAIL, 0, comparisons, "critical metric(s) failed: " + String.join(", ", criticalFailed));
        }
        if (!criticalMissing.isEmpty()) {
            return new JudgeResult(
                    Verdict.INCONCLUSIVE,
                    score,
                    comparisons,
                    "critical metric(s) without enough data: " + String.join(", ", criticalMissing));
        }
        if (inconclusive * 2 >= comparisons.size()) {
            return new JudgeResult(
                    Verdict.INCONCLUSIVE,
                    score,
                    comparisons,
                    inconclusive + " of " + comparisons.size() + " metrics without enough data");
        }
        String scoreText = "score " + GateEvaluator.format(score) + " (" + passed + " of " + judged + " passed)";
        if (score >= config.passScore()) {
            return new JudgeResult(
                    Verdict.PASS,
                    score,
                    comparisons,
                    scoreText + " ≥ pass " + GateEvaluator.format(config.passScore()));
        }
        if (score >= config.marginalScore()) {
            return new JudgeResult(
                    Verdict.WARNING,
                    score,
                    comparisons,
                    scoreText + " is marginal (≥ " + GateEvaluator.format(config.marginalScore()) + ")");
        }
        return new JudgeResult(
                Verdict.FAIL,
                score,
                comparisons,
                scoreText + " < marginal " + GateEvaluator.format(config.marginalScore()));
    }

    /**
     * Two-sided p-value of the Mann-Whitney U test on two sorted samples, normal approximation with tie correction.
     * Identical samples (zero variance) give 1.
     */
    static double mannWhitneyPValue(double[] sortedX, double[] sortedY) {
        long n1 = sortedX.length;
        long n2 = sortedY.length;
        long n = n1 + n2;
        double rankSumX = 0;
        double tieTerm = 0;
        int i = 0;
        int j = 0;
        long rank = 0;
        while (i < n1 || j < n2) {
            double value = j >= n2 || (i < n1 && sortedX[i] <= sortedY[j]) ? sortedX[i] : sortedY[j];
            int fromX = 0;
            while (i < n1 && sortedX[i] == value) {
                i++;
                fromX++;
            }
            int fromY = 0;
            while (j < n2 && sortedY[j] == value) {
                j++;
                fromY++;
            }
            long tied = fromX + fromY;
            double averageRank = rank + (tied + 1) / 2.0;
            rankSumX += averageRank * fromX;
            rank += tied;
            if (tied > 1) {
                tieTerm += (double) tied * tied * tied - tied;
            }
        }
        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;
        double u2 = (double) n1 * n2 - u1;
        double uMin = Math.min(u1, u2);
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (!(variance > 0)) {
            return 1;
        }
        double z = (uMin - n1 * (double) n2 / 2.0) / Math.sqrt(variance);
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(z));
    }

    private static double[] finiteSorted(double[] samples) {
        double[] copy = new double[samples.length];
        int n = 0;
        for (double value : samples) {
            if (Double.isFinite(value)) {
                copy[n++] = value;
            }
        }
        double[] finite = n == copy.length ? copy : Arrays.copyOf(copy, n);
        Arrays.sort(finite);
        return finite;
    }

    /** Keeps the samples within [Q1 − f·IQR, Q3 + f·IQR] of a sorted array (a contiguous range, since it is sorted). */
    static double[] withoutOutliers(double[] sorted, double factor) {
        if (factor <= 0 || sorted.length < 4) {
            return sorted;
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = q1 - factor * iqr;
        double high = q3 + factor * iqr;
        int from = 0;
        while (from < sorted.length && sorted[from] < low) {
            from++;
        }
        int to = sorted.length;
        while (to > from && sorted[to - 1] > high) {
            to--;
        }
        return from == 0 && to == sorted.length ? sorted : Arrays.copyOfRange(sorted, from, to);
    }

    /** Linear-interpolation quantile (R type 7, as numpy's default) of a sorted array. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    static double median(double[] sorted) {
        return quantile(sorted, 0.5);
    }

    private static double effectSize(double canaryMedian, double baselineMedian) {
        double change = canaryMedian - baselineMedian;
        if (baselineMedian == 0) {
            return change == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, change);
        }
        return change / Math.abs(baselineMedian);
    }

    private static String percent(double ratio) {
        return GateEvaluator.format(ratio * 100) + " %";
    }

    private static String signedPercent(double ratio) {
        if (Double.isInfinite(ratio)) {
            return ratio > 0 ? "+∞" : "−∞";
        }
        return (ratio >= 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", ratio * 100) + " %";
    }
}
