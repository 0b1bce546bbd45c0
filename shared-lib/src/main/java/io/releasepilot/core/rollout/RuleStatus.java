package io.releasepilot.core.rollout;

/** The state of one trigger rule at one evaluation. */
public enum RuleStatus {
    /** The condition held at every evaluation across the rule's window. */
    FIRING,
    /** The condition holds now but not yet across the whole window. */
    PENDING,
    /** The condition does not hold at the latest evaluation. */
    OK,
    /** No usable sample (none, NaN, or older than the allowed age): the rule cannot say the release is healthy. */
    MISSING
}
