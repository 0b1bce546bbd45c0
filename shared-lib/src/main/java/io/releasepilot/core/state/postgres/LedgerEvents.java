package io.releasepilot.core.state.postgres;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The events the ledger writes to its outbox, one factory per change, each with the payload consumers read (keys
 * unchanged since V1). Every factory's event goes into the outbox in the same transaction as its change.
 */
final class LedgerEvents {
    private LedgerEvents() {}

    static ReleaseEvent started(UUID id, ReleaseRequest request, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("version", request.version());
        data.put("commitSha", request.commitSha());
        data.put("strategy", request.strategy().name());
        data.put("actor", request.actor().name());
        data.put("ciRunUrl", request.actor().ciRunUrl());
        data.put("previousReleaseId", string(request.previousReleaseId()));
        data.put("rolledBackFrom", string(request.rolledBackFrom()));
        return ReleaseEvent.of(EventType.RELEASE_STARTED, request.service(), request.environment(), id, at, data);
    }

    /**
     * A step appended. For a traffic step this is also the one event of the progress change it makes: it carries the
     * step and weights the release moved to, and no PROGRESS_UPDATED follows.
     */
    static ReleaseEvent stepRecorded(String service, String environment, UUID releaseId, Instant at, NewStep step) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("stepIndex", step.stepIndex());
        data.put("kind", step.kind().name());
        TrafficSplit weights = step.weights();
        if (weights != null) {
            data.put("stableWeight", weights.stable());
            data.put("canaryWeight", weights.canary());
        }
        if (step.verdict() != null) {
            data.put("verdict", step.verdict().name());
        }
        data.put("details", StepDetailCodec.toMap(step.detail()));
        return ReleaseEvent.of(EventType.STEP_RECORDED, service, environment, releaseId, at, data);
    }

    /** Progress moved without a traffic step (a blue-green phase reached). */
    static ReleaseEvent progressUpdated(Release release, int currentStep, @Nullable TrafficSplit weights, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("currentStep", currentStep);
        data.put("stableWeight", weights == null ? null : weights.stable());
        data.put("canaryWeight", weights == null ? null : weights.canary());
        return ReleaseEvent.of(
                EventType.PROGRESS_UPDATED, release.service(), release.environment(), release.id(), at, data);
    }

    /** An operator action recorded by {@code act} (pause, resume, promote, abort, bypass, rollback request). */
    static ReleaseEvent acted(EventType type, Release release, Actor actor, @Nullable String reason, Instant at) {
        Map<String, @Nullable Object> data = actorData(actor);
        data.put("reason", reason);
        return ReleaseEvent.of(type, release.service(), release.environment(), release.id(), at, data);
    }

    static ReleaseEvent approved(Release release, int stepIndex, Actor approver, @Nullable String comment, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("stepIndex", stepIndex);
        data.putAll(actorData(approver));
        data.put("comment", comment);
        return ReleaseEvent.of(
                EventType.STEP_APPROVED, release.service(), release.environment(), release.id(), at, data);
    }

    static ReleaseEvent finished(
            EventType type, Release release, ReleaseState outcome, Actor actor, @Nullable String reason, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("version", release.version());
        data.put("state", outcome.name());
        data.putAll(actorData(actor));
        data.put("reason", reason);
        data.put("startedAt", release.startedAt().toString());
        data.put("finishedAt", at.toString());
        return ReleaseEvent.of(type, release.service(), release.environment(), release.id(), at, data);
    }

    /** The lock of {@code held} went to {@code actor}. */
    static ReleaseEvent lockTakenOver(Release held, Actor actor, String reason, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("previousHolder", held.lockHolder().actor().name());
        data.put("previousHolderCiRunUrl", held.lockHolder().actor().ciRunUrl());
        data.put("heldSince", held.lockHolder().since().toString());
        data.putAll(actorData(actor));
        data.put("reason", reason);
        return ReleaseEvent.of(EventType.LOCK_TAKEN_OVER, held.service(), held.environment(), held.id(), at, data);
    }

    /** {@code held} ended as ABORTED because a new release took its lock. */
    static ReleaseEvent abortedForTakeover(Release held, String why, Instant at) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("reason", why);
        return ReleaseEvent.of(EventType.RELEASE_ABORTED, held.service(), held.environment(), held.id(), at, data);
    }

    /** The event of an operator action; START, APPROVE, TAKEOVER and FINISH have their own ledger operations. */
    static EventType typeOf(AuditAction action) {
        return switch (action) {
            case PAUSE -> EventType.RELEASE_PAUSED;
            case RESUME -> EventType.RELEASE_RESUMED;
            case PROMOTE -> EventType.RELEASE_PROMOTED;
            case ABORT -> EventType.ABORT_REQUESTED;
            case BYPASS -> EventType.GATE_BYPASSED;
            case ROLLBACK -> EventType.ROLLBACK_REQUESTED;
            case START, APPROVE, TAKEOVER, FINISH ->
                throw new InvalidInputException(action
                        + " is recorded by its own ledger operation (start, approve, takeOver, finish), not by act()");
        };
    }

    /** The event of a release ending as {@code outcome}. */
    static EventType typeOf(ReleaseState outcome) {
        return switch (outcome) {
            case SUCCEEDED -> EventType.RELEASE_SUCCEEDED;
            case ROLLED_BACK -> EventType.RELEASE_ROLLED_BACK;
            case FAILED -> EventType.RELEASE_FAILED;
            default -> EventType.RELEASE_ABORTED;
        };
    }

    /** Writes {@code event} to the outbox in the caller's transaction. */
    static void write(Connection connection, ReleaseEvent event) throws SQLException {
        PostgresOutbox.insert(connection, event, event.service(), event.environment(), event.time());
    }

    private static Map<String, @Nullable Object> actorData(Actor actor) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("actor", actor.name());
        data.put("ciRunUrl", actor.ciRunUrl());
        return data;
    }

    private static @Nullable String string(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }
}
