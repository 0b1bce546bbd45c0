package io.releasepilot.core.judge;

import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The canary judgement of one analysis interval.
 *
 * @param verdict PASS (score ≥ pass), WARNING (marginal: score ≥ marginal), FAIL (below marginal, or a critical
 *     metric failed), INCONCLUSIVE (no metrics, or half or more of them without enough data)
 * @param score passed metrics / judged metrics × 100, rounded to 2 decimals; 0 when a critical metric failed
 * @param metrics one comparison per metric, in input order
 * @param reason how the verdict was reached
 */
public record JudgeResult(Verdict verdict, double score, List<MetricComparison> metrics, String reason) {

    public JudgeResult {
        Objects.requireNonNull(verdict, "verdict");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(reason, "reason");
    }
}
