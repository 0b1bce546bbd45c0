package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutProgress;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.VerifyPlan;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What every part of one engine shares: the ports, the plan, time, where progress goes and how its hooks run.
 */
record EnginePorts(
        ReleaseStore store,
        TrafficRouter router,
        ReleaseSignals signals,
        RolloutPlan plan,
        Clock clock,
        Sleeper sleeper,
        ProgressListener listener,
        VerifyPlan verify,
        ExternalCommand commands) {
    EnginePorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(commands, "commands");
    }

    /** Appends one typed step to the release's ledger. */
    void record(UUID releaseId, int step, StepDetail detail) {
        store.recordStep(releaseId, new NewStep(step, detail));
    }

    /** A progress line about the release as a whole (before a strategy's run has started). */
    void announce(UUID release, int step, int canary, String message) {
        listener.progress(new RolloutProgress(
                release, "release", step, plan.steps().size(), canary, Duration.ZERO, Map.of(), message));
    }

    /** The ledger's slot map for this engine's router (oriented by the session). */
    SlotKeeper slots() {
        return new SlotKeeper(store, router.slots());
    }

    ReleaseOutcome outcome(Release release) {
        return ReleaseEngine.outcome(store, release);
    }
}
