package io.releasepilot.core.rollout;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of one rule: its status, the latest value (NaN when missing), since when the condition has held without
 * a break (null if it does not hold now), and a sentence for logs, the ledger and notifications.
 */
public record RuleEvaluation(
        TriggerRule rule,
        RuleStatus status,
        double value,
        @Nullable Instant holdingSince,
        String explanation) {
    public RuleEvaluation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
    }
}
