package io.releasepilot.core.rollout;

import io.releasepilot.core.release.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of evaluating every rollback trigger at {@code at}: the action and every rule's evaluation. */
public record TriggerDecision(Instant at, TriggerAction action, List<RuleEvaluation> evaluations) {
    public TriggerDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        evaluations = List.copyOf(evaluations);
    }

    /** A decision with nothing firing and nothing missing, e.g. for strategies run without triggers. */
    public static TriggerDecision quiet(Instant at) {
        return new TriggerDecision(at, TriggerAction.NONE, List.of());
    }

    /** The rules with status {@code status}. */
    public List<RuleEvaluation> withStatus(RuleStatus status) {
        return evaluations.stream().filter(e -> e.status() == status).collect(Collectors.toList());
    }

    /** The critical rules that fired. */
    public List<RuleEvaluation> criticalFiring() {
        return evaluations.stream()
                .filter(e -> e.status() == RuleStatus.FIRING && e.rule().severity() == Severity.CRITICAL)
                .collect(Collectors.toList());
    }

    /** Why: the firing (or missing) rules with their values, e.g. for the rollback reason in the ledger. */
    public String reason() {
        List<RuleEvaluation> relevant = action == TriggerAction.ROLLBACK
                ? criticalFiring()
                : evaluations.stream()
                        .filter(e -> e.status() == RuleStatus.FIRING || e.status() == RuleStatus.MISSING)
                        .collect(Collectors.toList());
        if (relevant.isEmpty()) {
            return "no trigger fired";
        }
        return relevant.stream().map(RuleEvaluation::explanation).collect(Collectors.joining("; "));
    }
}
