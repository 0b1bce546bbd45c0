package io.releasepilot.core.gate;

import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates objectives against observations, Keptn style: each objective earns its weight on PASS and half of it on
 * WARNING; the total (as a percentage of the weights) is compared with the policy's pass and warning percentages. A
 * failed key objective fails the gate whatever the score. Missing data is INCONCLUSIVE, never PASS: with {@code
 * inconclusiveBlocks} (the default) one INCONCLUSIVE objective makes the gate INCONCLUSIVE; without it, objectives
 * without data are left out of the score, except key objectives, which always block without data. Pure: no I/O, no
 * clock.
 */
public final class GateEvaluator {

    private GateEvaluator() {}

    /** Evaluates every objective against the first observation of its source that has (or explains) its value. */
    public static GateVerdict evaluate(GatesPolicy policy, List<Objective> objectives, List<Observation> observations) {
        List<ObjectiveResult> results = new ArrayList<>();
        for (Objective objective : objectives) {
            results.add(evaluate(objective, observations));
        }
        return aggregate(policy, results);
    }

    /** One objective against the observations. */
    public static ObjectiveResult evaluate(Objective objective, List<Observation> observations) {
        List<Observation> ofSource = observations.stream()
                .filter(observation -> observation.source().equals(objective.source()))
                .toList();
        for (Observation observation : ofSource) {
            OptionalDouble value = observation.value(objective.metric());
            if (value.isPresent()) {
                return judge(objective, observation, value.getAsDouble());
            }
        }
        String origin = ofSource.isEmpty()
                ? "(none)"
                : String.join(", ", ofSource.stream().map(Observation::origin).toList());
        String reason = ofSource.stream()
                .map(observation -> observation.reasonMissing(objective.metric()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(
                        ofSource.isEmpty()
                                ? "no " + objective.source() + " input was given"
                                : "the " + objective.source() + " source has no value '" + objective.metric() + "'");
        return new ObjectiveResult(
                objective,
                origin,
                OptionalDouble.empty(),
                Verdict.INCONCLUSIVE,
                objective.metric() + ": no data (" + reason + "), needs " + thresholds(objective));
    }

    private static ObjectiveResult judge(Objective objective, Observation observation, double value) {
        Verdict verdict;
        if (Double.isNaN(value)) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (objective.comparator().holds(value, objective.pass())) {
            verdict = Verdict.PASS;
        } else if (objective.warning().isPresent()
                && objective.comparator().holds(value, objective.warning().getAsDouble())) {
            verdict = Verdict.WARNING;
        } else {
            verdict = Verdict.FAIL;
        }
        String explanation = objective.metric() + " = " + objective.unit().format(value) + ", needs "
                + thresholds(objective) + ": " + verdict;
        if (verdict != Verdict.PASS && !observation.notes().isEmpty()) {
            explanation += " (" + String.join("; ", observation.notes()) + ")";
        }
        return new ObjectiveResult(
                objective,
                observation.origin(),
                Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
                verdict,
                Double.isNaN(value)
                        ? objective.metric() + ": value is NaN (no data), needs " + thresholds(objective)
                        : explanation);
    }

    private static GateVerdict aggregate(GatesPolicy policy, List<ObjectiveResult> results) {
        int pass = 0;
        int warning = 0;
        int fail = 0;
        int inconclusive = 0;
        double points = 0;
        double maxPoints = 0;
        List<String> failedKeys = new ArrayList<>();
        List<String> inconclusiveKeys = new ArrayList<>();
        for (ObjectiveResult result : results) {
            Objective objective = result.objective();
            switch (result.verdict()) {
                case PASS -> pass++;
                case WARNING -> warning++;
                case FAIL -> fail++;
                default -> inconclusive++;
            }
            if (result.verdict() == Verdict.FAIL && objective.key()) {
                failedKeys.add(objective.name());
            }
            if (result.verdict() == Verdict.INCONCLUSIVE && objective.key()) {
                inconclusiveKeys.add(objective.name());
            }
            if (result.verdict() != Verdict.INCONCLUSIVE || policy.inconclusiveBlocks()) {
                points += result.points();
                maxPoints += objective.weight();
            }
        }
        double score = maxPoints > 0 ? Math.round(points / maxPoints * 10_000) / 100.0 : 0;
        GateTotals totals = new GateTotals(pass, warning, fail, inconclusive, points, maxPoints);
        Verdict verdict;
        String reason;
        if (!failedKeys.isEmpty()) {
            verdict = Verdict.FAIL;
            reason = "key objective(s) failed: " + String.join(", ", failedKeys);
        } else if (results.isEmpty() || inconclusive == results.size()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = results.isEmpty() ? "no objectives to evaluate" : "no objective had data";
        } else if (!inconclusiveKeys.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "key objective(s) without data: " + String.join(", ", inconclusiveKeys);
        } else if (inconclusive > 0 && policy.inconclusiveBlocks()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = inconclusive + " objective(s) without data, and INCONCLUSIVE blocks (gates.inconclusiveBlocks)";
        } else if (maxPoints == 0) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "every scored objective has weight 0";
        } else if (score >= policy.passPercent()) {
            verdict = Verdict.PASS;
            reason = "score " + format(score) + " ≥ pass " + format(policy.passPercent()) + " %";
        } else if (score >= policy.warningPercent()) {
            verdict = Verdict.WARNING;
            reason = "score " + format(score) + " ≥ warning " + format(policy.warningPercent()) + " % but < pass "
                    + format(policy.passPercent()) + " %";
        } else {
            verdict = Verdict.FAIL;
            reason = "score " + format(score) + " < warning " + format(policy.warningPercent()) + " %";
        }
        if (verdict != Verdict.INCONCLUSIVE && inconclusive > 0) {
            reason += "; " + inconclusive + " objective(s) without data were left out of the score";
        }
        return new GateVerdict(verdict, score, results, totals, reason);
    }

    /**
     * The thresholds of an objective as text in the unit they were written in, e.g. {@code ">= 0.9 (warning >= 0.8)"}
     * for plain numbers, {@code "< 1%"} for a percentage.
     */
    public static String thresholds(Objective objective) {
        String text = objective.comparator().symbol() + " " + objective.unit().format(objective.pass());
        if (objective.warning().isPresent()) {
            text += " (warning " + objective.comparator().symbol() + " "
                    + objective.unit().format(objective.warning().getAsDouble()) + ")";
        }
        return text;
    }

    /** Numbers as people read them: integers without a fraction, others with up to 4 decimals. */
    public static String format(double value) {
        return Unit.number(value);
    }
}
