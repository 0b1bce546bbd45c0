package io.releasepilot.core.state;

import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The canary judge's result as an {@link StepDetail.Analysis} keeps it (judge: verdict, score, reason, metrics).
 *
 * @param score passed metrics / judged metrics × 100
 */
public record JudgeSummary(Verdict verdict, double score, String reason, List<JudgeSummary.Metric> metrics) {
    public JudgeSummary {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric the judge compared (metric, canaryMedian, baselineMedian, effectSize, pValue, verdict, explanation);
     * NaN where it computed nothing.
     */
    public record Metric(
            String metric,
            double canaryMedian,
            double baselineMedian,
            double effectSize,
            double pValue,
            Verdict verdict,
            String explanation) {
        public Metric {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
