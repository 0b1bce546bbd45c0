package io.releasepilot.core.gate;

import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * The result of a gate: the overall verdict, the Keptn-style score (0..100), every objective's result and why the
 * overall verdict is what it is.
 *
 * @param verdict PASS or WARNING let the release continue; FAIL stops it; INCONCLUSIVE means data was missing and the
 *     policy says that blocks (or there was no data at all)
 * @param score points earned / points possible × 100, rounded to 2 decimals; 0 when nothing could be scored
 * @param results one result per objective, in the objectives' order
 * @param totals the counts behind the score
 * @param reason one sentence on how the overall verdict was reached
 */
public record GateVerdict(
        Verdict verdict, double score, List<ObjectiveResult> results, GateTotals totals, String reason) {

    public GateVerdict {
        Objects.requireNonNull(verdict, "verdict");
        results = List.copyOf(results);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(reason, "reason");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be within 0..100, was " + score);
        }
    }
}
