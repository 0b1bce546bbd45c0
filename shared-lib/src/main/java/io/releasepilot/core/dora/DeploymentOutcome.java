package io.releasepilot.core.dora;

/** How a deployment to an environment ended. */
public enum DeploymentOutcome {
    /** Completed and stayed. */
    SUCCEEDED,
    /** Reached the environment and was rolled back. */
    ROLLED_BACK,
    /** Failed before completing. */
    FAILED
}
