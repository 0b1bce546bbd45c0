package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether rollback triggers fire: a pure function of the sample history and the instant passed in.
 *
 * <p>A rule fires when its condition held at every evaluation from {@code now − for} up to the latest one: the latest
 * sample holds, and going back in time every sample holds until one at or before {@code now − for} is reached. A
 * sample that fails the condition, a NaN sample, or a gap between evaluations longer than {@code maxSampleAge} breaks
 * the chain (the rule is then PENDING at most). {@code for: 0} fires on the latest sample alone. A rule whose latest
 * sample is absent, NaN or older than {@code maxSampleAge} is MISSING, which notifies: missing data never passes
 * silently as healthy. Any CRITICAL rule firing means ROLLBACK; a WARNING rule firing means NOTIFY.
 */
public final class RollbackTriggerDecider {
    private final List<TriggerRule> rules;
    private final Duration maxSampleAge;

    /**
     * @param rules the triggers to evaluate
     * @param maxSampleAge how old the latest sample may be, and how far apart two evaluations may be, before data
     *     counts as missing (typically 2–3 × the evaluation interval)
     */
    public RollbackTriggerDecider(List<TriggerRule> rules, Duration maxSampleAge) {
        this.rules = List.copyOf(rules);
        if (maxSampleAge.isNegative() || maxSampleAge.isZero()) {
            throw new InvalidInputException("maxSampleAge must be positive, got " + maxSampleAge);
        }
        this.maxSampleAge = maxSampleAge;
    }

    public List<TriggerRule> rules() {
        return rules;
    }

    /** Evaluates every rule against {@code history} (any order; samples after {@code now} are ignored). */
    public TriggerDecision decide(List<MetricSample> history, Instant now) {
        List<RuleEvaluation> evaluations = new ArrayList<>();
        for (TriggerRule rule : rules) {
            List<MetricSample> samples = history.stream()
                    .filter(s -> s.metric().equals(rule.metric()) && !s.at().isAfter(now))
                    .sorted(Comparator.comparing(MetricSample::at))
                    .collect(Collectors.toList());
            evaluations.add(evaluate(rule, samples, now));
        }
        TriggerAction action = TriggerAction.NONE;
        for (RuleEvaluation evaluation : evaluations) {
            if (evaluation.status() == RuleStatus.FIRING && evaluation.rule().severity() == Severity.CRITICAL) {
                action = TriggerAction.ROLLBACK;
            } else if (action == TriggerAction.NONE
                    && (evaluation.status() == RuleStatus.FIRING || evaluation.status() == RuleStatus.MISSING)) {
                action = TriggerAction.NOTIFY;
            }
        }
        return new TriggerDecision(now, action, evaluations);
    }

    private RuleEvaluation evaluate(TriggerRule rule, List<MetricSample> samples, Instant now) {
        String head = rule.name() + ": " + rule.metric();
        if (samples.isEmpty()) {
            return new RuleEvaluation(rule, RuleStatus.MISSING, Double.NaN, null, head + " has no sample");
        }
        MetricSample latest = samples.get(samples.size() - 1);
        if (Double.isNaN(latest.value())) {
            return new RuleEvaluation(
                    rule, RuleStatus.MISSING, Double.NaN, null, head + " has no value at " + latest.at());
        }
        Duration age = Duration.between(latest.at(), now);
        if (age.compareTo(maxSampleAge) > 0) {
            return new RuleEvaluation(
                    rule,
                    RuleStatus.MISSING,
                    latest.value(),
                    null,
                    head + " last sampled " + age + " ago (at " + latest.at() + "), older than " + maxSampleAge);
        }
        String comparison =
                head + " = " + latest.value() + " " + rule.comparator().symbol() + " " + rule.threshold();
        if (!rule.comparator().holds(latest.value(), rule.threshold())) {
            return new RuleEvaluation(
                    rule,
                    RuleStatus.OK,
                    latest.value(),
                    null,
                    head + " = " + latest.value() + ", not " + rule.comparator().symbol() + " " + rule.threshold());
        }
        Instant windowStart = now.minus(rule.forWindow());
        Instant holdingSince = latest.at();
        for (int i = samples.size() - 2; i >= 0 && holdingSince.isAfter(windowStart); i--) {
            MetricSample sample = samples.get(i);
            boolean contiguous = Duration.between(sample.at(), holdingSince).compareTo(maxSampleAge) <= 0;
            if (!contiguous || !rule.comparator().holds(sample.value(), rule.threshold())) {
                break;
            }
            holdingSince = sample.at();
        }
        boolean firing = rule.forWindow().isZero() || !holdingSince.isAfter(windowStart);
        return new RuleEvaluation(
                rule,
                firing ? RuleStatus.FIRING : RuleStatus.PENDING,
                latest.value(),
                holdingSince,
                comparison
                        + (rule.forWindow().isZero()
                                ? ""
                                : " since " + holdingSince + " (for " + rule.forWindow() + ")")
                        + (firing ? ", firing (" + rule.severity() + ")" : ", pending"));
    }
}
