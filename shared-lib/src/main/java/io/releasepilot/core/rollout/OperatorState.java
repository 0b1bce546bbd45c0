package io.releasepilot.core.rollout;

/**
 * What operators asked for, as recorded (with actor and reason) in the ledger: {@code pause}/{@code resume} toggle
 * {@code paused}; {@code promote} skips remaining analysis; {@code abort} rolls back. Abort wins over promote.
 */
public record OperatorState(boolean paused, boolean promoteRequested, boolean abortRequested) {
    /** No operator action. */
    public static final OperatorState NONE = new OperatorState(false, false, false);
}
