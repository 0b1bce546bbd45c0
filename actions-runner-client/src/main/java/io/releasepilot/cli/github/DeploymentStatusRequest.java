package io.releasepilot.cli.github;

import java.util.Objects;

/**
 * One deployment status to post.
 *
 * @param state the new state
 * @param description at most 140 characters (longer text is cut with an ellipsis)
 * @param logUrl the run's page ({@code ActionsContext.runUrl()}), or "" when unknown
 * @param environmentUrl where the deployed version answers, or ""
 */
public record DeploymentStatusRequest(DeploymentState state, String description, String logUrl, String environmentUrl) {

    public DeploymentStatusRequest {
        Objects.requireNonNull(state, "state");
        description = description == null ? "" : GitHubFacade.truncate(description, GitHubFacade.MAX_DESCRIPTION);
        logUrl = logUrl == null ? "" : logUrl;
        environmentUrl = environmentUrl == null ? "" : environmentUrl;
    }
}
