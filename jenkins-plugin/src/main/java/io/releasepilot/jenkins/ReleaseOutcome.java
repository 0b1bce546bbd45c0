package io.releasepilot.jenkins;

import java.io.Serializable;
import java.util.Objects;

/** Where a release stands after an operation, with the report the core rendered for the run summary. */
public record ReleaseOutcome(
        String releaseId, ReleaseState state, String version, String environment, String markdownReport)
        implements Serializable {
    public ReleaseOutcome {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(markdownReport, "markdownReport");
    }
}
