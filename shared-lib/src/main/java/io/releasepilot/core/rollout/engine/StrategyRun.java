package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.rollout.OperatorState;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.SignalCheck;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.command.CommandTrafficRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The loop both strategies share: read the release, tick (measure, decide, apply), wait unless the tick changed
 * something, until the release is no longer active. A subclass says what one tick of its strategy is.
 */
abstract class StrategyRun implements EffectApplier.Strategy {
    final EnginePorts ports;
    final Release started;
    final UUID id;
    final Analysis analysis;
    final RunReporter reporter;
    final EffectApplier applier;

    /** Whether the last tick changed something (then the next evaluation follows at once). */
    boolean changed;

    StrategyRun(EnginePorts ports, Release release, Actor actor, String strategy, int steps) {
        this.ports = ports;
        this.started = release;
        this.id = release.id();
        this.analysis = new Analysis(ports, id);
        this.reporter = new RunReporter(ports, id, strategy, steps, analysis.latest());
        this.applier = new EffectApplier(ports, id, actor, analysis, reporter);
        if (ports.router() instanceof CommandTrafficRouter command) {
            command.releaseEnvironment(HookEnvironment.of(ports, release));
        }
    }

    /** {@link SignalCheck} for this strategy. */
    abstract Optional<SignalCheck.NoSignal> signalCheck();

    /** One evaluation; the outcome when the release finished. */
    abstract Optional<ReleaseOutcome> tick(Release current, Instant now) throws InterruptedException;

    ReleaseOutcome run() throws InterruptedException {
        Optional<SignalCheck.NoSignal> noSignal = signalCheck();
        if (noSignal.isPresent()) {
            reporter.noSignal(noSignal.get());
            // Once per release: a resumed run finds the note of the run before it.
            boolean noted = ports.store().steps(id).stream()
                    .anyMatch(step -> step.step().detail() instanceof StepDetail.NoSignal);
            if (!noted) {
                ports.record(
                        id,
                        started.currentStep(),
                        new StepDetail.NoSignal(
                                noSignal.get().reason(), noSignal.get().hint()));
            }
            reporter.progress(
                    started,
                    Duration.ZERO,
                    "WARNING: " + noSignal.get().reason() + " ("
                            + noSignal.get().hint() + ")");
        }
        while (true) {
            Release current = ports.store().find(id).orElseThrow(() -> new InvalidInputException("no release " + id));
            if (!current.state().active()) {
                return reporter.finished(current);
            }
            boolean busy;
            try {
                if (applier.pausedForDrift(current, ports.clock().instant())) {
                    current = ports.store().find(id).orElse(current);
                }
                Optional<ReleaseOutcome> done = tick(current, ports.clock().instant());
                if (done.isPresent()) {
                    return done.get();
                }
                busy = changed;
            } catch (InvalidInputException e) {
                // Someone else (an operator's rollback, `serve` after an alert) finished the release meanwhile.
                Release now = ports.store().find(id).orElseThrow(() -> e);
                if (!now.state().active()) {
                    return reporter.finished(now);
                }
                throw e;
            }
            if (!busy) {
                ports.sleeper().sleep(ports.plan().tick());
            }
        }
    }

    /** Operator requests on the release from its audit trail: pause is its state, promote and abort are requests. */
    OperatorState operatorState(Release release) {
        boolean promote = false;
        boolean abort = false;
        for (AuditEntry entry : ports.store().auditTrail(release.id())) {
            promote |= entry.action() == AuditAction.PROMOTE;
            abort |= entry.action() == AuditAction.ABORT || entry.action() == AuditAction.ROLLBACK;
        }
        return new OperatorState(release.state() == ReleaseState.PAUSED, promote, abort);
    }
}
