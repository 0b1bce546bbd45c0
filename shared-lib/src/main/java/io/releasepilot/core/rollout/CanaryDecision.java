package io.releasepilot.core.rollout;

import java.util.List;
import java.util.Objects;

/** The effects to apply, in order, the phase they lead to, and why. */
public record CanaryDecision(List<RolloutEffect> effects, CanaryPhase phase, String reason) {
    public CanaryDecision {
        effects = List.copyOf(effects);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
    }
}
