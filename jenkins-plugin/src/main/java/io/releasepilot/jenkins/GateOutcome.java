package io.releasepilot.jenkins;

import io.releasepilot.core.release.Verdict;
import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the core decided for a gate.
 *
 * @param markdownReport the report the core rendered (objectives with value, threshold and source)
 * @param bypass why an authorised bypass lets the build through although the gate did not pass, or null
 */
public record GateOutcome(
        Verdict verdict,
        String version,
        String environment,
        String markdownReport,
        @Nullable String bypass) implements Serializable {
    public GateOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(markdownReport, "markdownReport");
    }

    /** A gate that was not bypassed. */
    public GateOutcome(Verdict verdict, String version, String environment, String markdownReport) {
        this(verdict, version, environment, markdownReport, null);
    }

    /** Whether a granted bypass lets the build through. */
    public boolean bypassed() {
        return bypass != null;
    }
}
