package io.releasepilot.core.rollout;

import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.Objects;

/**
 * One thing a decider asks the engine to do, in list order. The engine records each effect in the ledger before and
 * after applying it, so a rerun after a crash repeats nothing it already did (effects are idempotent anyway).
 */
public sealed interface RolloutEffect {
    /** Make this split effective through the traffic router. */
    record SetWeights(TrafficSplit split) implements RolloutEffect {
        public SetWeights {
            Objects.requireNonNull(split, "split");
        }
    }

    /**
     * Step {@code step} (1-based, the number the ledger records) starts now, with the canary at {@code weight} percent.
     * It always follows the {@link SetWeights} that moves traffic there, and recording that weight change records the
     * step as the release's progress: this effect writes nothing more.
     */
    record AdvanceStep(int step, int weight) implements RolloutEffect {}

    /** Nothing to do yet; decide again after at most {@code timeLeft} (the engine also re-evaluates each interval). */
    record Wait(Duration timeLeft) implements RolloutEffect {
        public Wait {
            Objects.requireNonNull(timeLeft, "timeLeft");
        }
    }

    /** The rollout finished successfully: the new version is the last good one. */
    record Complete(String reason) implements RolloutEffect {}

    /** Roll back: the engine records this with the reason; a {@link SetWeights} to all-stable precedes it. */
    record RollBack(String reason) implements RolloutEffect {}

    /** Progression is halted until an operator resumes, promotes or aborts. */
    record Pause(String reason) implements RolloutEffect {}

    /** Tell people (warning triggers, missing data, inconclusive analysis); changes nothing. */
    record Notify(String message) implements RolloutEffect {}

    /** Blue-green: run the deploy hook for green. */
    record RunDeploy() implements RolloutEffect {}

    /** Blue-green: run the smoke checks against green. */
    record RunSmokeChecks() implements RolloutEffect {}

    /** Blue-green: run the retire hook for blue. */
    record RetireBlue() implements RolloutEffect {}
}
