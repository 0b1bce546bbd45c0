package io.releasepilot.jenkins;

import hudson.model.Result;
import io.releasepilot.core.release.Verdict;
import org.jspecify.annotations.Nullable;

/** The one place where a verdict (the core's) or a release state becomes a Jenkins build result. */
final class ResultMapping {
    private ResultMapping() {}

    /** A gate's result: its verdict's, unless an authorised bypass lets it through (as the CLI exits 0 then). */
    static Result forGate(GateOutcome gate) {
        return gate.bypassed() ? Result.SUCCESS : forVerdict(gate.verdict());
    }

    /** WARNING makes the build UNSTABLE; FAIL and INCONCLUSIVE (missing data is never a pass) fail the step. */
    static Result forVerdict(Verdict verdict) {
        return switch (verdict) {
            case PASS -> Result.SUCCESS;
            case WARNING -> Result.UNSTABLE;
            case FAIL, INCONCLUSIVE -> Result.FAILURE;
        };
    }

    /**
     * A rollout step (canary, blue-green) fails when its release did not complete; an operator step succeeds when
     * the release reached the state the operator asked for.
     */
    static Result forRelease(ReleaseState state, ReleaseState requested) {
        return state == requested ? Result.SUCCESS : Result.FAILURE;
    }

    /** The result's name for the ledger; Result's constants are singletons (readResolve), so identity is enough. */
    static String name(@Nullable Result result) {
        if (result == null) {
            return "UNKNOWN";
        }
        if (result == Result.SUCCESS) {
            return "SUCCESS";
        }
        if (result == Result.UNSTABLE) {
            return "UNSTABLE";
        }
        if (result == Result.FAILURE) {
            return "FAILURE";
        }
        if (result == Result.ABORTED) {
            return "ABORTED";
        }
        return result == Result.NOT_BUILT ? "NOT_BUILT" : "UNKNOWN";
    }
}
