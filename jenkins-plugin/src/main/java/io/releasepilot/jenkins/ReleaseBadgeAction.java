package io.releasepilot.jenkins;

import hudson.model.BuildBadgeAction;
import io.releasepilot.core.release.Verdict;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The badge in the build history of a run that released: passed, rolled back or gate failed, with version and
 * environment. Rendered by {@code badge.jelly}; no side-panel link. Fields are JDK types only, so the run's
 * build.xml stays loadable (JEP-200).
 */
public final class ReleaseBadgeAction implements BuildBadgeAction, Serializable {
    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final String version;
    private final String environment;
    private final boolean success;
    /** The ledger's release id, so the RunListener can add the build's result to it; null for a gate. */
    private final @Nullable String releaseId;

    ReleaseBadgeAction(String outcome, String version, String environment, boolean success) {
        this(outcome, version, environment, success, null);
    }

    ReleaseBadgeAction(
            String outcome, String version, String environment, boolean success, @Nullable String releaseId) {
        this.outcome = outcome;
        this.version = version;
        this.environment = environment;
        this.success = success;
        this.releaseId = releaseId;
    }

    static ReleaseBadgeAction forGate(GateOutcome g) {
        String outcome = g.bypassed()
                ? "gate bypassed"
                : switch (g.verdict()) {
                    case PASS -> "gate passed";
                    case WARNING -> "gate passed with warnings";
                    case FAIL -> "gate failed";
                    case INCONCLUSIVE -> "gate inconclusive";
                };
        return new ReleaseBadgeAction(outcome, g.version(), g.environment(), g.verdict() == Verdict.PASS);
    }

    static ReleaseBadgeAction forRelease(ReleaseOutcome r) {
        String outcome = switch (r.state()) {
            case COMPLETED -> "released";
            case ROLLED_BACK -> "rolled back";
            case GATE_FAILED -> "gate failed";
            case PAUSED -> "paused";
            case RESUMED -> "resumed";
            case PROMOTED -> "promoted";
            case ABORTED -> "aborted";
        };
        return new ReleaseBadgeAction(
                outcome, r.version(), r.environment(), r.state() == ReleaseState.COMPLETED, r.releaseId());
    }

    public String getOutcome() {
        return outcome;
    }

    public @Nullable String getReleaseId() {
        return releaseId;
    }

    public String getVersion() {
        return version;
    }

    public String getEnvironment() {
        return environment;
    }

    /** Tooltip text, escaped by Jelly. */
    public String getText() {
        return "Release Pilot: " + version + " → " + environment + ": " + outcome;
    }

    /** A core symbol, so no image has to be shipped. */
    public String getIcon() {
        if (success) {
            return "symbol-check";
        }
        return outcome.equals("rolled back") ? "symbol-undo" : "symbol-warning";
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
