package io.releasepilot.core.dora;

import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One release of a service to an environment, as the ledger records it.
 *
 * @param service the service name
 * @param environment the environment name ({@code production})
 * @param version the released version
 * @param started when the release started
 * @param finished when it completed, was rolled back, or failed
 * @param outcome how it ended
 * @param firstCommitAt time of the oldest commit in the release (recorded from Git at release time); empty when
 *     unknown, which leaves the release out of the lead time
 * @param hotfix true when this release is a hotfix of the previous one
 */
public record Deployment(
        String service,
        String environment,
        String version,
        Instant started,
        Instant finished,
        DeploymentOutcome outcome,
        Optional<Instant> firstCommitAt,
        boolean hotfix) {

    public Deployment {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(firstCommitAt, "firstCommitAt");
        if (service.isBlank() || environment.isBlank()) {
            throw new InvalidInputException("a deployment needs a service and an environment");
        }
        if (finished.isBefore(started)) {
            throw new InvalidInputException("deployment " + service + " " + version + " to " + environment
                    + " finished (" + finished + ") before it started (" + started + ")");
        }
    }
}
