package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A canary plan: steps of increasing weight, each held for a duration while its criteria, the judge and the rollback
 * triggers are evaluated every {@code analysisInterval}.
 *
 * @param deploy the hook that deploys the new version onto the target (idle) slot before any traffic moves
 * @param retire the hook that retires the slot that stopped being live after a successful release
 */
public record CanarySpec(
        Duration analysisInterval,
        List<CanaryStepSpec> steps,
        JudgeSpec judge,
        Optional<HookSpec> deploy,
        Optional<HookSpec> retire) {
    /** A canary without hooks: the new version is already on the target slot. */
    public CanarySpec(Duration analysisInterval, List<CanaryStepSpec> steps, JudgeSpec judge) {
        this(analysisInterval, steps, judge, Optional.empty(), Optional.empty());
    }

    public CanarySpec {
        Require.optional(deploy, "deploy");
        Require.optional(retire, "retire");
        Require.positive(analysisInterval, "analysisInterval");
        steps = Require.list(steps, "steps");
        Require.present(judge, "judge");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a canary needs at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).weight().compareTo(steps.get(i - 1).weight()) <= 0) {
                throw new IllegalArgumentException("canary weights must be strictly increasing");
            }
        }
        if (steps.get(steps.size() - 1).weight().value() != 100.0) {
            throw new IllegalArgumentException("the last canary step must be 100%");
        }
    }
}
