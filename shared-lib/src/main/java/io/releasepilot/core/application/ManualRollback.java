package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.engine.Rollback;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.SlotState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.traffic.TrafficRouter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Roll back by hand, now, without a running engine: the release in progress, if any, is rolled back at once (audited,
 * through {@link Rollback}: traffic returns to the live slot); otherwise the last successful release is left for the
 * release before it: a ROLLBACK release is recorded (with the hash of the session's spec file) and all traffic moves
 * to the slot that still holds that earlier version ({@link SlotReturn}: redeployed to the idle slot by the deploy hook
 * first when no slot holds it any more).
 */
public final class ManualRollback {

    /**
     * How the rollback ended, and where it came from.
     *
     * @param outcome the rolled-back release (or the recorded ROLLBACK release) as the ledger has it
     * @param from the release rolled back from: the one in progress, else the last successful one
     */
    public record RolledBack(ReleaseOutcome outcome, Release from) {
        public RolledBack {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(from, "from");
        }
    }

    private final ReleaseSession session;

    public ManualRollback(ReleaseSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Rolls back the session's environment; fails clearly when there is nothing to roll back to. */
    public RolledBack perform(Actor actor, String reason) {
        ReleaseStore store = session.store();
        // The router first: a spec that cannot route fails before anything is recorded.
        session.router();
        String service = session.service();
        String environment = session.environment();
        Optional<Release> running = store.inProgress(service, environment);
        if (running.isPresent()) {
            return new RolledBack(rollBack(running.get(), actor, reason), running.get());
        }
        Release last = store.lastSuccessful(service, environment)
                .orElseThrow(() -> new InvalidInputException("no successful release of '" + service + "' in '"
                        + environment + "' is recorded; nothing to roll back"));
        UUID previousId = last.request().previousReleaseId();
        Release previous = previousId == null ? null : store.find(previousId).orElse(null);
        if (previous == null) {
            throw new InvalidInputException("release " + last.version() + " of '" + service + "' in '" + environment
                    + "' has no earlier successful release recorded to return to");
        }
        Release started = store.start(
                new ReleaseRequest(
                        service,
                        environment,
                        previous.version(),
                        previous.request().commitSha(),
                        null,
                        ReleaseStrategy.ROLLBACK,
                        actor,
                        session.specHash(),
                        last.id(),
                        last.id()),
                StartOptions.failFast());
        RollbackCause cause = new RollbackCause.Operator(last.version(), previous.version());
        TrafficRouter destination = new SlotReturn(session).destination(started, previous.version(), actor);
        Release rolledBack = new Rollback(store, destination)
                .perform(
                        started.id(),
                        actor,
                        reason + " (from " + last.version() + " back to " + previous.version() + ")",
                        cause);
        SlotMap map = store.slots(service, environment);
        if (map.slot(destination.slots().live()).isPresent()) {
            store.recordSlots(
                    service,
                    environment,
                    List.of(new Slot.Change(destination.slots().live(), previous.version(), SlotState.LIVE)));
        }
        return new RolledBack(session.outcome(rolledBack), last);
    }

    /** Rolls the release in progress back at once: audited as a rollback request, then {@link Rollback}. */
    ReleaseOutcome rollBack(Release running, Actor actor, String reason) {
        ReleaseStore store = session.store();
        store.requestRollback(running.id(), actor, reason);
        return session.outcome(new Rollback(store, session.router())
                .perform(running.id(), actor, reason, RollbackCause.Operator.ofReleaseInProgress()));
    }
}
