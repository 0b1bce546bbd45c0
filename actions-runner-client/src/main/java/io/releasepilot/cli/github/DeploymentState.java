package io.releasepilot.cli.github;

/** States of a GitHub deployment status, as the REST API names them. */
public enum DeploymentState {
    QUEUED,
    PENDING,
    IN_PROGRESS,
    SUCCESS,
    FAILURE,
    ERROR,
    /** Set on the deployment of the version that a rollback or a newer release replaced. */
    INACTIVE
}
