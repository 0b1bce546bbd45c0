package io.releasepilot.jenkins;

import hudson.model.Result;

/** The one place where a verdict or a release state becomes a Jenkins build result. */
final class ResultMapping {
    private ResultMapping() {}

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
}
