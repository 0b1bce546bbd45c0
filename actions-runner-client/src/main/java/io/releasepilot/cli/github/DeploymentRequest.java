package io.releasepilot.cli.github;

import io.releasepilot.core.InvalidInputException;
import java.util.Map;

/**
 * A deployment to create: the exact ref (never auto-merged, no required contexts, because the gate has already
 * decided) for one environment, with the release id in its payload so a later step finds its release.
 *
 * @param ref a SHA, branch or tag; a SHA deploys exactly that commit
 * @param environment the GitHub environment name, e.g. {@code staging}
 * @param description a short description shown on the deployment
 * @param releaseId the Release Pilot release id, stored in the payload as {@code release_id}
 * @param payload further payload fields (strategy, version, …)
 */
public record DeploymentRequest(
        String ref, String environment, String description, String releaseId, Map<String, String> payload) {

    public DeploymentRequest {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("a deployment needs a ref (a SHA, branch or tag)");
        }
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("a deployment needs an environment name");
        }
        if (releaseId == null || releaseId.isBlank()) {
            throw new InvalidInputException("a deployment needs the release id");
        }
        description = description == null ? "" : GitHubFacade.truncate(description, GitHubFacade.MAX_DESCRIPTION);
        payload = Map.copyOf(payload);
    }

    public DeploymentRequest(String ref, String environment, String description, String releaseId) {
        this(ref, environment, description, releaseId, Map.of());
    }
}
