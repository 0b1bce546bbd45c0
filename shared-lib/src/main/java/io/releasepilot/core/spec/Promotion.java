package io.releasepilot.core.spec;

import io.releasepilot.core.release.SpecEnum;

/**
 * What a successful release does with the two slots. Written {@code swap} and {@code copy-to-stable} in the spec.
 */
public enum Promotion implements SpecEnum {
    /** The target slot becomes live; the slot that was live turns idle and keeps its version for a rollback. */
    SWAP,
    /**
     * Flagger's primary/canary: the live slot stays live and is redeployed with the new version one server at a time,
     * then the target (canary) slot is emptied. For a fixed stable pool with one extra canary box.
     */
    COPY_TO_STABLE
}
