package io.releasepilot.core.rollout;

/** The recorded result of a hook or check run by the engine (deploy hook, smoke checks, retire hook). */
public enum HookResult {
    /** Not run yet, or its run was interrupted before a result was recorded (the engine runs it again). */
    NOT_RUN,
    SUCCEEDED,
    /** Failed, timed out, or (smoke checks) inconclusive: missing data is never a pass. */
    FAILED
}
