package io.releasepilot.core.state;

import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Port: the release ledger. Every write is one transaction that also inserts its event into the {@link #outbox()}, so
 * an event exists exactly when the change it describes does. Writes to a release that is not in progress, or to an
 * unknown release, throw {@link io.releasepilot.core.InvalidInputException}; an unreachable database throws {@link
 * StateStoreException} and leaves nothing half-written.
 */
public interface ReleaseStore extends AutoCloseable {

    /**
     * Starts a release and takes its environment lock (one release in progress or paused per service + environment).
     *
     * @throws EnvironmentLockedException when another release holds the lock (after waiting, if asked to)
     */
    Release start(ReleaseRequest request, StartOptions options);

    /**
     * Hands the lock of the release in progress for service + environment to {@code actor} (its process crashed and a
     * new run continues it from its current step and weights). Audited as TAKEOVER.
     *
     * @return the release, now held by {@code actor}
     */
    Release takeOver(String service, String environment, Actor actor, String reason);

    /** Appends a step; a step with weights also records them as the release's last weights and current step. */
    ReleaseStep recordStep(UUID releaseId, NewStep step);

    /** Records the step reached and the weights last set, for a restarted run to resume from. */
    Release updateProgress(UUID releaseId, int currentStep, @Nullable TrafficSplit weights);

    /**
     * Records an operator action on a release in progress. PAUSE and RESUME also change its state (IN_PROGRESS ⇄
     * PAUSED); the others (PROMOTE, ABORT, BYPASS, ROLLBACK) are requests the rollout engine acts on. START, APPROVE,
     * TAKEOVER and FINISH have their own methods.
     */
    AuditEntry act(UUID releaseId, AuditAction action, Actor actor, @Nullable String reason);

    /** Records a manual approval of one step (audited as APPROVE). */
    Approval approve(UUID releaseId, int stepIndex, Actor approver, @Nullable String comment);

    /** Ends a release in a final state (SUCCEEDED, ROLLED_BACK, FAILED, ABORTED) and frees the environment lock. */
    Release finish(UUID releaseId, ReleaseState outcome, Actor actor, @Nullable String reason);

    Optional<Release> find(UUID releaseId);

    /** The release holding the lock of service + environment (IN_PROGRESS or PAUSED), if any. */
    Optional<Release> inProgress(String service, String environment);

    /** The most recently finished SUCCEEDED release (manual rollback target, regression baseline). */
    Optional<Release> lastSuccessful(String service, String environment);

    /** Releases of service + environment started at or after {@code since}, oldest first (DORA). */
    List<DeploymentRecord> releasesSince(String service, String environment, Instant since);

    List<ReleaseStep> steps(UUID releaseId);

    List<AuditEntry> auditTrail(UUID releaseId);

    List<Approval> approvals(UUID releaseId);

    /**
     * Of {@code alertKeys}, the ones already recorded by {@link #recordHandledAlerts}: alerts that already rolled a
     * release back, so a repeated Alertmanager webhook does nothing new.
     */
    Set<String> handledAlerts(Collection<String> alertKeys);

    /**
     * Records that the alerts {@code alertKeys} of the Alertmanager group {@code groupKey} rolled back {@code
     * releaseId}; keys recorded before are left as they are.
     */
    void recordHandledAlerts(UUID releaseId, String groupKey, Collection<String> alertKeys);

    /** The slot map of service + environment; empty before a release recorded one. */
    SlotMap slots(String service, String environment);

    /**
     * Writes {@code changes} to the slot map of service + environment in one transaction (a slot's {@code since} moves
     * when its version or state changes) and returns the map afterwards. At most one slot is LIVE: making one live
     * while another still is fails with {@link io.releasepilot.core.InvalidInputException}, so a swap names both.
     */
    SlotMap recordSlots(String service, String environment, List<Slot.Change> changes);

    /** The outbox the events of this ledger are written to. */
    Outbox outbox();

    default AuditEntry pause(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.PAUSE, actor, reason);
    }

    default AuditEntry resume(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.RESUME, actor, reason);
    }

    default AuditEntry promote(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.PROMOTE, actor, reason);
    }

    default AuditEntry abort(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.ABORT, actor, reason);
    }

    default AuditEntry bypass(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.BYPASS, actor, reason);
    }

    default AuditEntry requestRollback(UUID releaseId, Actor actor, @Nullable String reason) {
        return act(releaseId, AuditAction.ROLLBACK, actor, reason);
    }

    /** Closes the pool (and stops the embedded database, if this store started one). */
    @Override
    void close();
}
