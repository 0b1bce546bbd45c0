package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotState;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way a release is rolled back, whoever asks (the engine's triggers, an operator, an Alertmanager alert): the
 * intent is written to the ledger first, then 100 % of traffic goes to the live slot (the stable version), then the weights actually
 * read back are recorded and the release is finished as ROLLED_BACK with the reason (which also puts the event in the
 * outbox). A crash between two of these leaves a ledger from which a rerun repeats the remaining ones; repeating a
 * rollback is harmless.
 */
public final class Rollback {
    private final ReleaseStore store;
    private final TrafficRouter router;

    public Rollback(ReleaseStore store, TrafficRouter router) {
        this.store = Objects.requireNonNull(store, "store");
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * Rolls back the release if it is still in progress or paused; a release already finished is returned unchanged.
     *
     * @param cause the values behind the decision (trigger, measured value, threshold), kept in the ledger
     */
    public Release perform(UUID releaseId, Actor actor, String reason, RollbackCause cause) {
        Release release = store.find(releaseId)
                .orElseThrow(() -> new io.releasepilot.core.InvalidInputException("no release " + releaseId));
        if (!release.state().active()) {
            return release;
        }
        int step = release.currentStep();
        store.recordStep(releaseId, new NewStep(step, new StepDetail.RollbackStarted(reason, actor.name(), cause)));
        RouterState state = router.apply(TrafficSplit.ALL_STABLE);
        TrafficSplit readBack =
                new TrafficSplit(state.split().stable(), state.split().canary());
        store.recordStep(
                releaseId,
                new NewStep(
                        step,
                        new StepDetail.TrafficApplied(TrafficSplit.ALL_STABLE, state.routerType(), readBack, reason)));
        // The target slot keeps the version that was rolled back, idle; the live slot never stopped being live.
        String target = router.slots().target();
        if (store.slots(release.service(), release.environment()).slot(target).isPresent()) {
            store.recordSlots(
                    release.service(), release.environment(), List.of(new Slot.Change(target, null, SlotState.IDLE)));
        }
        return store.finish(releaseId, ReleaseState.ROLLED_BACK, actor, reason);
    }
}
