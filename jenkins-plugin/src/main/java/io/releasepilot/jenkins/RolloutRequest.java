package io.releasepilot.jenkins;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@link ReleaseOperations#canary} and {@link ReleaseOperations#blueGreen}.
 *
 * @param releaseId chosen by the step before the work starts and kept in the build's program state, so the core can
 *     create the release idempotently and {@link ReleaseOperations#continueRelease} finds it after a restart
 * @param version the version to release (required by the core-backed operations)
 * @param kind canary or blue-green: what {@link ReleaseOperations#continueRelease} starts when the restart came
 *     before the release started
 */
public record RolloutRequest(
        String releaseId,
        Path workspace,
        String specPath,
        String environment,
        @Nullable String version,
        ReleaseContext context,
        Kind kind) {
    /** The rollout strategy a step runs. */
    public enum Kind {
        CANARY,
        BLUE_GREEN
    }

    public RolloutRequest {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(kind, "kind");
    }
}
