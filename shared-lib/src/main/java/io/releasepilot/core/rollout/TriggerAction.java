package io.releasepilot.core.rollout;

/** What the trigger evaluation asks of the engine, strongest first. */
public enum TriggerAction {
    /** A critical trigger fired: return 100 % of traffic to the last good version. */
    ROLLBACK,
    /** A warning trigger fired or data was missing: tell people, change nothing. */
    NOTIFY,
    /** Nothing fired and every rule had data. */
    NONE
}
