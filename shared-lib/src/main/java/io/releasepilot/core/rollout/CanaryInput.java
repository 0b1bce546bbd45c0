package io.releasepilot.core.rollout;

import io.releasepilot.core.release.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the canary decider needs at one evaluation, as the engine reads it from the ledger.
 *
 * @param currentStep the 1-based number of the step whose weight is in effect, 0 before the first step: the number the
 *     ledger records as {@code Release.currentStep} and people see, so nothing converts it
 * @param stepStartedAt when that step's weight was applied (ignored while {@code currentStep} is 0)
 * @param verdict the latest analysis of the current step
 * @param operator pause / promote / abort requests
 * @param triggers the latest rollback-trigger decision
 * @param now the evaluation instant
 * @param missing what the latest analysis had no data for (why it is INCONCLUSIVE); critical triggers without data
 *     are read from {@code triggers}, not repeated here
 * @param deviations the latest evaluation of the deviation (business-metric) triggers
 */
public record CanaryInput(
        int currentStep,
        Instant stepStartedAt,
        Verdict verdict,
        OperatorState operator,
        TriggerDecision triggers,
        Instant now,
        List<MissingSignal> missing,
        List<DeviationEvaluation> deviations) {
    public CanaryInput {
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(now, "now");
        missing = List.copyOf(missing);
        deviations = List.copyOf(deviations);
    }

    /** An input without missing-data details and without deviation triggers. */
    public CanaryInput(
            int currentStep,
            Instant stepStartedAt,
            Verdict verdict,
            OperatorState operator,
            TriggerDecision triggers,
            Instant now) {
        this(currentStep, stepStartedAt, verdict, operator, triggers, now, List.of(), List.of());
    }
}
