package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Holds the router to what the ledger says: after each change the read-back must equal the intent (read again a few
 * times, briefly, since a reload takes a moment), and each analysis interval the router is read again, so weights
 * someone else changed (by hand, or a reload that reset runtime weights) pause the release instead of being silently
 * overwritten or ignored.
 */
final class RouterWatch {
    private final EnginePorts ports;
    private final UUID id;
    private final Actor actor;
    private @Nullable Instant lastDriftCheck;

    RouterWatch(EnginePorts ports, UUID id, Actor actor) {
        this.ports = ports;
        this.id = id;
        this.actor = actor;
    }

    /**
     * Applies {@code split} and reads it back until the router carries it (a few times, briefly): the last state read,
     * and whether it is the split asked for.
     */
    Confirmed apply(TrafficSplit split) {
        RouterState state = ports.router().apply(split);
        for (int attempt = 0;
                !state.split().equals(split) && attempt < ports.verify().readBackRetries();
                attempt++) {
            try {
                ports.sleeper().sleep(ports.verify().readBackDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("interrupted while reading the router back; rerun to continue", e);
            }
            state = ports.router().current();
        }
        return new Confirmed(state, state.split().equals(split));
    }

    /** What the router showed after a change, and whether it is what was asked. */
    record Confirmed(RouterState state, boolean matches) {}

    /** The sentence that explains a read-back mismatch, with the weights observed. */
    static String mismatch(TrafficSplit intent, RouterState state) {
        return "router read-back mismatch: asked for " + intent + " but " + state.routerType() + " shows "
                + state.split() + " (" + state.detail() + ")";
    }

    /**
     * Once per analysis interval, while the release is in progress with weights recorded: reads the router and, when
     * it does not carry the ledger's weights, records what it shows and pauses the release. True when it paused.
     */
    boolean pausedForDrift(Release current, Instant now) {
        TrafficSplit expected = current.weights();
        if (expected == null
                || current.state() != ReleaseState.IN_PROGRESS
                || (lastDriftCheck != null
                        && now.isBefore(lastDriftCheck.plus(ports.plan().analysisInterval())))) {
            return false;
        }
        lastDriftCheck = now;
        if (changeInFlight()) {
            return false;
        }
        Optional<RouterState> observed = read();
        if (observed.isEmpty() || observed.get().split().equals(expected)) {
            return false;
        }
        RouterState state = observed.get();
        String message = "router drift: the release set " + expected + " but " + state.routerType() + " now shows "
                + state.split() + " (" + state.detail() + "); someone changed the weights by hand or a reload reset"
                + " them. Paused, nothing overwritten: put the weights back and resume, or abort";
        ports.record(id, current.currentStep(), new StepDetail.Notice(message));
        ports.store().pause(id, actor, message);
        ports.announce(id, current.currentStep(), expected.canary(), message);
        return true;
    }

    /**
     * Whether the ledger's last step announces a change not yet recorded as applied: a rollback by another process
     * (an operator, {@code serve} after an alert) moves the router before it records the weights, which is no drift.
     */
    private boolean changeInFlight() {
        List<ReleaseStep> steps = ports.store().steps(id);
        if (steps.isEmpty()) {
            return false;
        }
        StepDetail last = steps.get(steps.size() - 1).step().detail();
        return last instanceof StepDetail.TrafficIntent || last instanceof StepDetail.RollbackStarted;
    }

    private Optional<RouterState> read() {
        try {
            return Optional.of(ports.router().current());
        } catch (ReleasePilotException e) {
            // An unreachable router is not drift; the next change or interval reads it again.
            return Optional.empty();
        }
    }
}
