package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/**
 * {@code traffic.onReadBackMismatch}: what a release does when the router, read back after a weight change (retried
 * briefly), does not carry the weights asked for. Written in lower case in the spec.
 */
public enum ReadBackAction implements SpecEnum {
    /** Pause the release with the weights observed; an operator resumes or aborts it (the default). */
    PAUSE,
    /** Roll the release back to the stable version. */
    ROLLBACK
}
