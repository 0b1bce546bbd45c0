package io.releasepilot.jenkins;

import io.releasepilot.core.release.Verdict;
import java.util.Objects;

/**
 * What the core decided for a gate.
 *
 * @param markdownReport the report the core rendered (objectives with value, threshold and source)
 */
public record GateOutcome(Verdict verdict, String version, String environment, String markdownReport) {
    public GateOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(markdownReport, "markdownReport");
    }
}
