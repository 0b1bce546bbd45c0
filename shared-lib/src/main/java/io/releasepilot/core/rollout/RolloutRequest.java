package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.Actor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to release, where, how and by whom.
 *
 * @param service the service (spec {@code service})
 * @param environment the environment released to
 * @param version the new version (replaces {@code {{version}}} in the queries of the new version)
 * @param actor who runs it, from which CI run
 * @param commitSha the commit released, if known
 * @param specHash hash of the spec used, if known
 * @param takeover take the environment lock over from a holder whose run crashed (audited)
 */
public record RolloutRequest(
        String service,
        String environment,
        String version,
        Actor actor,
        @Nullable String commitSha,
        @Nullable String specHash,
        boolean takeover) {
    public RolloutRequest {
        if (service == null || service.isBlank()) {
            throw new InvalidInputException("a release needs a service");
        }
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("a release needs an environment (--environment)");
        }
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("a release needs a version (--release-version)");
        }
        Objects.requireNonNull(actor, "actor");
    }
}
