package io.releasepilot.cli.github;

import io.releasepilot.core.state.ReleaseState;
import java.util.Optional;

/**
 * Which status a GitHub Deployment gets when its release ends or is rolled back, following GitHub's own semantics:
 * a deployment whose rollout did not complete ends {@code failure}; a deployment that had succeeded and is replaced
 * becomes {@code inactive} once a newer deployment of the environment reports {@code success}. GitHub adds that
 * {@code inactive} itself ({@code auto_inactive}, default true) only for earlier <em>non-production</em>,
 * non-transient deployments that were {@code success} (REST "Create a deployment status"), so a rollback posts it
 * explicitly, after the new deployment's {@code success}.
 *
 * <ul>
 *   <li>canary rolled back by a trigger, or blue-green switched back: the run's own deployment gets {@code failure};
 *       the deployment of the version still serving keeps its {@code success} (it never stopped being active);
 *   <li>manual {@code rollback} of a completed release: a new deployment of the version returned to gets {@code
 *       success}, then the rolled-back deployment {@code inactive};
 *   <li>manual {@code rollback} of a release still rolling out: a new deployment of the stable version gets {@code
 *       success}, then the rolled-back deployment {@code failure} (it never succeeded, so nothing makes it inactive).
 * </ul>
 */
public final class DeploymentStatusDecider {

    private DeploymentStatusDecider() {}

    /**
     * The last status of the deployment a {@code canary} or {@code bluegreen} run created, from the release's final
     * state; empty while the release is still active (nothing final to report).
     */
    public static Optional<DeploymentState> endOfRun(ReleaseState state) {
        return switch (state) {
            case SUCCEEDED -> Optional.of(DeploymentState.SUCCESS);
            case ROLLED_BACK, FAILED, ABORTED -> Optional.of(DeploymentState.FAILURE);
            case IN_PROGRESS, PAUSED -> Optional.empty();
        };
    }

    /**
     * The status a manual rollback posts on the deployment of the release it rolls back, from that release's state
     * before the rollback: {@code failure} while it was still rolling out, else {@code inactive}.
     */
    public static DeploymentState rolledBack(ReleaseState stateBefore) {
        return stateBefore.active() ? DeploymentState.FAILURE : DeploymentState.INACTIVE;
    }
}
