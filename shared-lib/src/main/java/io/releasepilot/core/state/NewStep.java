package io.releasepilot.core.state;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step to append to a release's ledger.
 *
 * <p><b>Step numbers.</b> {@code stepIndex} uses the same convention as {@link Release#currentStep()} and the canary
 * decider: the 1-based number of the canary step whose weight is in effect (step 1 is the first weight), 0 before the
 * first; for a blue-green release the ordinal of the cutover phase reached. It is the number people see in progress
 * lines, reports and {@code status}; nothing converts it.
 *
 * @param stepIndex the step number it belongs to (see above)
 * @param detail what happened; it fixes the step's kind, verdict and (for traffic) weights
 */
public record NewStep(int stepIndex, StepDetail detail) {

    public NewStep {
        if (stepIndex < 0) {
            throw new io.releasepilot.core.InvalidInputException("step index must not be negative, was " + stepIndex);
        }
        Objects.requireNonNull(detail, "detail");
    }

    /** Traffic change, gate verdict, analysis, health check or note: decided by the detail. */
    public StepKind kind() {
        return detail.kind();
    }

    /** For TRAFFIC: the weights set (the release's progress moves to them); else null. */
    public @Nullable TrafficSplit weights() {
        return detail instanceof StepDetail.TrafficApplied applied ? applied.weights() : null;
    }

    /** For GATE, ANALYSIS, HEALTH_CHECK and a rollback's start: the verdict; else null. */
    public @Nullable Verdict verdict() {
        return detail.verdict();
    }
}
