package io.releasepilot.core.rollout;

import java.util.List;
import java.util.Objects;

/** The effects to apply, in order, the phase to record once they are applied, and why. */
public record CutoverDecision(List<RolloutEffect> effects, CutoverPhase nextPhase, String reason) {
    public CutoverDecision {
        effects = List.copyOf(effects);
        Objects.requireNonNull(nextPhase, "nextPhase");
        Objects.requireNonNull(reason, "reason");
    }
}
