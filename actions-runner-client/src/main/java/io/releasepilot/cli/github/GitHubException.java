package io.releasepilot.cli.github;

import io.releasepilot.core.InfrastructureException;

/** GitHub's API could not be reached or refused a call; the message names the call and what to check. */
public class GitHubException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public GitHubException(String message) {
        super(message);
    }

    public GitHubException(String message, Throwable cause) {
        super(message, cause);
    }
}
