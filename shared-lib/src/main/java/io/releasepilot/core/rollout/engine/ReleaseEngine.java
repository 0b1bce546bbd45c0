package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.ReleaseReport;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.RolloutRequest;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.rollout.VerifyPlan;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The imperative shell that runs a release: it reads the ledger, measures, asks the pure deciders what to do and
 * applies their effects through the router and the ledger. Every weight change is written to the ledger before (a
 * {@code traffic-intent} note) and after (a TRAFFIC step and the release's progress) it is applied, and every analysis
 * is an ANALYSIS step with its values, so a run killed at any moment is continued by a rerun from the recorded step,
 * after the router has been reconciled with the ledger. Every rollback goes through {@link Rollback}.
 *
 * <p>The parts: {@link ReleaseOpener} (start, resume, takeover), {@link Reconciler} (router and ledger agree),
 * {@link CanaryRun}/{@link BlueGreenRun} (the loop per strategy) with {@link Analysis} (measure and judge),
 * {@link EffectApplier} (the deciders' effects, both strategies) and {@link Hooks} (deploy, retire, smoke checks).
 *
 * <p>Time comes from the injected {@link Clock}, waiting from the injected {@link Sleeper}. The engine returns a
 * {@link ReleaseOutcome}; it never exits the process.
 */
public final class ReleaseEngine {
    private final EnginePorts ports;

    /**
     * @param store the ledger
     * @param router the load balancer in front of the stable and the new version
     * @param signals metrics and health checks
     * @param plan the steps, triggers and hooks (from the spec: {@link RolloutPlan#from})
     * @param clock the time
     * @param sleeper how to wait between evaluations
     * @param listener receives progress
     */
    public ReleaseEngine(
            ReleaseStore store,
            TrafficRouter router,
            ReleaseSignals signals,
            RolloutPlan plan,
            Clock clock,
            Sleeper sleeper,
            ProgressListener listener) {
        // Not this(...): ArchUnit counts a delegating constructor call as building an engine outside the application.
        this.ports = new EnginePorts(
                store, router, signals, plan, clock, sleeper, listener, VerifyPlan.none(), ExternalCommand.isolated());
    }

    /**
     * As above, plus what is verified around traffic (the version check before the first change, the router's
     * read-back after each change and each analysis interval: {@link VerifyPlan#from}) and {@code commands}, the
     * release's process policy its hooks run through (scrubbed environment, masked and bounded output, process tree
     * stopped on timeout).
     */
    public ReleaseEngine(
            ReleaseStore store,
            TrafficRouter router,
            ReleaseSignals signals,
            RolloutPlan plan,
            Clock clock,
            Sleeper sleeper,
            ProgressListener listener,
            VerifyPlan verify,
            ExternalCommand commands) {
        this.ports = new EnginePorts(store, router, signals, plan, clock, sleeper, listener, verify, commands);
    }

    /** Starts a canary release, or continues the one in progress for the same version (see {@link ReleaseOpener}). */
    public ReleaseOutcome canary(RolloutRequest request) {
        Release release = new ReleaseOpener(ports).open(request, ReleaseStrategy.CANARY);
        return run(release, request.actor());
    }

    /** Starts a blue-green release, or continues the one in progress for the same version. */
    public ReleaseOutcome blueGreen(RolloutRequest request) {
        Release release = new ReleaseOpener(ports).open(request, ReleaseStrategy.BLUE_GREEN);
        return run(release, request.actor());
    }

    /** Continues a release in progress (its lock holder acting), e.g. after {@link ReleaseStore#takeOver}. */
    public ReleaseOutcome resume(UUID releaseId) {
        Release release =
                ports.store().find(releaseId).orElseThrow(() -> new InvalidInputException("no release " + releaseId));
        return run(release, release.lockHolder().actor());
    }

    private ReleaseOutcome run(Release release, Actor actor) {
        if (!release.state().active()) {
            return ports.outcome(release);
        }
        try {
            Reconciler reconciler = new Reconciler(ports);
            Optional<Release> rolledBack = reconciler.finishInterruptedRollback(release, actor);
            if (rolledBack.isPresent()) {
                return ports.outcome(rolledBack.get());
            }
            reconciler.reconcile(release);
            return release.request().strategy() == ReleaseStrategy.BLUE_GREEN
                    ? new BlueGreenRun(ports, release, actor).run()
                    : new CanaryRun(ports, release, actor).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException(
                    "interrupted while running release " + release.id() + "; rerun the same command to continue", e);
        }
    }

    /** The outcome of a release as the ledger has it, with its Markdown report. */
    public static ReleaseOutcome outcome(ReleaseStore store, Release release) {
        String reason = release.finishReason() != null
                ? release.finishReason()
                : release.state() == ReleaseState.SUCCEEDED
                        ? "completed"
                        : release.state().name().toLowerCase();
        return new ReleaseOutcome(
                release.id(),
                release.state(),
                release.version(),
                release.environment(),
                reason,
                ReleaseReport.markdown(release, store.steps(release.id()), store.auditTrail(release.id())));
    }
}
