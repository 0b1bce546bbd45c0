package io.releasepilot.core.rollout;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The one way a release is rolled back, whoever asks (the engine's triggers, an operator, an Alertmanager alert): the
 * intent is written to the ledger first, then 100 % of traffic goes to the stable version, then the weights actually
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
     * @param details the values behind the decision (trigger, measured value, threshold), kept in the ledger
     */
    public Release perform(UUID releaseId, Actor actor, String reason, Map<String, @Nullable Object> details) {
        Release release = store.find(releaseId)
                .orElseThrow(() -> new io.releasepilot.core.InvalidInputException("no release " + releaseId));
        if (!release.state().active()) {
            return release;
        }
        int step = Math.max(release.currentStep(), 0);
        Map<String, @Nullable Object> intent = new LinkedHashMap<>(details);
        intent.put("reason", reason);
        intent.put("actor", actor.name());
        store.recordStep(
                releaseId, NewStep.verdict(step, StepKind.NOTE, Verdict.FAIL, withEvent("rollback-started", intent)));
        RouterState state = router.apply(TrafficSplit.ALL_STABLE);
        Map<String, @Nullable Object> applied = new LinkedHashMap<>(intent);
        applied.put("router", state.routerType());
        applied.put("readBack", state.split().stable() + "/" + state.split().canary());
        store.recordStep(releaseId, NewStep.traffic(step, TrafficSplit.ALL_STABLE, applied));
        return store.finish(releaseId, ReleaseState.ROLLED_BACK, actor, reason);
    }

    private static Map<String, @Nullable Object> withEvent(String event, Map<String, @Nullable Object> details) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<>(details);
        copy.put("event", event);
        return copy;
    }
}
