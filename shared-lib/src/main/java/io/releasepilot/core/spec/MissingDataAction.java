package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/**
 * What a release does when its analysis has no data at the end of a canary step or of the blue-green watch window
 * ({@code rollback.onMissingData}). Missing data is never a pass: the default holds the release for a person.
 */
public enum MissingDataAction implements SpecEnum {
    /** Hold the release (paused) until an operator resumes, promotes or aborts it. */
    PAUSE,
    /** Return all traffic to the stable side, as a critical trigger would. */
    ROLLBACK,
    /** Go on without data; every such move is logged and recorded in the ledger as promoting blind. */
    CONTINUE
}
