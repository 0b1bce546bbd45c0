package io.releasepilot.jenkins;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@link ReleaseOperations#canary} and {@link ReleaseOperations#blueGreen}.
 *
 * @param releaseId chosen by the step before the work starts and kept in the build's program state, so the core can
 *     create the release idempotently and {@link ReleaseOperations#continueRelease} finds it after a restart
 * @param version the version to release, or null to let the core derive it (tags, channels)
 */
public record RolloutRequest(
        String releaseId,
        Path workspace,
        String specPath,
        String environment,
        @Nullable String version,
        ReleaseContext context) {
    public RolloutRequest {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(context, "context");
    }
}
