package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.List;
import java.util.Optional;

/** Brings the router in line with the ledger before a run continues: a crash may have left anything behind. */
final class Reconciler {
    private final EnginePorts ports;

    Reconciler(EnginePorts ports) {
        this.ports = ports;
    }

    /**
     * When the previous run died inside a rollback, finishes it rather than re-apply the weights it left; empty when
     * there is none to finish.
     */
    Optional<Release> finishInterruptedRollback(Release release, Actor actor) {
        Optional<StepDetail.RollbackStarted> unfinished =
                unfinishedRollback(ports.store().steps(release.id()));
        if (unfinished.isEmpty()) {
            return Optional.empty();
        }
        String reason = unfinished.get().reason();
        ports.announce(release.id(), release.currentStep(), 0, "finishing an interrupted rollback");
        return Optional.of(new Rollback(ports.store(), ports.router())
                .perform(
                        release.id(),
                        actor,
                        reason.isEmpty() ? "rollback interrupted and finished by a rerun" : reason,
                        unfinished.get().cause()));
    }

    /** Makes the load balancer carry the weights the ledger last recorded. */
    void reconcile(Release release) {
        TrafficSplit expected = release.weights();
        if (expected == null) {
            return;
        }
        TrafficRouter router = ports.router();
        RouterState found = router.current();
        if (found.split().equals(expected) && router.verify(expected)) {
            return;
        }
        RouterState applied = router.apply(expected);
        ports.record(
                release.id(),
                release.currentStep(),
                new StepDetail.Reconciled(found.split(), applied.split(), applied.routerType()));
        ports.announce(
                release.id(),
                release.currentStep(),
                expected.canary(),
                "router reconciled with the ledger: found " + found.split() + ", re-applied " + expected);
    }

    private static Optional<StepDetail.RollbackStarted> unfinishedRollback(List<ReleaseStep> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step().detail() instanceof StepDetail.RollbackStarted started) {
                return Optional.of(started);
            }
        }
        return Optional.empty();
    }
}
