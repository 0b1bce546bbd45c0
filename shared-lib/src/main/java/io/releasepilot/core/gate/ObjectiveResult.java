package io.releasepilot.core.gate;

import io.releasepilot.core.release.Verdict;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One objective evaluated: which value came from where, the thresholds it met or missed, and why.
 *
 * @param objective the objective, with its comparator, pass and warning thresholds and weight
 * @param origin the file(s), query or URL the value came from
 * @param value the measured value; empty when there was none (then the verdict is INCONCLUSIVE)
 * @param verdict PASS, WARNING, FAIL or INCONCLUSIVE
 * @param explanation one sentence a person can act on, e.g. {@code "line = 0.85, needs >= 0.9 (warning >= 0.8)"}
 */
public record ObjectiveResult(
        Objective objective, String origin, OptionalDouble value, Verdict verdict, String explanation) {

    public ObjectiveResult {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        if (value.isEmpty() && verdict != Verdict.INCONCLUSIVE) {
            throw new IllegalArgumentException(
                    "objective '" + objective.name() + "' has no value, so it can only be INCONCLUSIVE");
        }
    }

    /** The source type id, for reports. */
    public String source() {
        return objective.source();
    }

    /** The points this result earns in the total score: weight for PASS, half of it for WARNING, else 0. */
    public double points() {
        if (verdict == Verdict.PASS) {
            return objective.weight();
        }
        return verdict == Verdict.WARNING ? objective.weight() / 2 : 0;
    }
}
