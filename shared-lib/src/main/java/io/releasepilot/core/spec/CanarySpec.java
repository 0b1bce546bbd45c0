package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * A canary plan: steps of increasing weight, each held for a duration while its criteria, the judge and the rollback
 * triggers are evaluated every {@code analysisInterval}.
 */
public record CanarySpec(Duration analysisInterval, List<CanaryStepSpec> steps, JudgeSpec judge) {
    public CanarySpec {
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
