package io.releasepilot.core.state.postgres;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.LedgerInput;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

/**
 * The environment lock of {@link PostgresReleaseStore}: starting a release takes it, taking over hands it to another
 * actor. The lock is the unique partial index {@code releases_environment_lock} (one IN_PROGRESS or PAUSED release per
 * service + environment), so it holds across processes and machines and survives crashes; finishing the release frees
 * it.
 */
final class PostgresEnvironmentLock {
    private static final String LOCK_INDEX = "releases_environment_lock";
    private static final Duration LOCK_POLL = Duration.ofMillis(200);

    private final Sql sql;
    private final Clock clock;

    PostgresEnvironmentLock(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Starts a release, waiting for or taking over a holder as {@code options} say. */
    Release start(ReleaseRequest request, StartOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        long deadline = System.nanoTime() + options.waitUpTo().toNanos();
        while (true) {
            StartOutcome outcome =
                    sql.transaction("start a release", connection -> tryStart(connection, request, options));
            if (outcome.release() != null) {
                return outcome.release();
            }
            LockHolder holder = outcome.holder();
            long remaining = deadline - System.nanoTime();
            if (holder != null && remaining <= 0) {
                throw new EnvironmentLockedException(request.service(), request.environment(), holder);
            }
            if (holder != null) {
                sleep(Math.min(LOCK_POLL.toNanos(), remaining));
            }
            // holder == null: it finished between our insert and our look-up; try again at once.
        }
    }

    private record StartOutcome(
            @Nullable Release release, @Nullable LockHolder holder) {}

    private StartOutcome tryStart(Connection connection, ReleaseRequest request, StartOptions options)
            throws SQLException {
        Instant now = now();
        if (options.takeover()) {
            Optional<Release> held =
                    LedgerRows.lockedRelease(connection, request.service(), request.environment(), true);
            if (held.isPresent()) {
                abortForTakeover(
                        connection, held.get(), request.actor(), Objects.requireNonNull(options.takeoverReason()), now);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO releases (id, service,"
                + " environment, version, commit_sha, first_commit_at, strategy, state, current_step, started_at,"
                + " actor, ci_run_url, spec_hash, previous_release_id, rolled_back_from, lock_actor, lock_ci_run_url,"
                + " locked_since) VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, request.service());
            insert.setString(3, request.environment());
            insert.setString(4, request.version());
            insert.setString(5, request.commitSha());
            Sql.setInstant(insert, 6, request.firstCommitAt());
            insert.setString(7, request.strategy().name());
            Sql.setInstant(insert, 8, now);
            insert.setString(9, request.actor().name());
            insert.setString(10, request.actor().ciRunUrl());
            insert.setString(11, request.specHash());
            Sql.setUuid(insert, 12, request.previousReleaseId());
            Sql.setUuid(insert, 13, request.rolledBackFrom());
            insert.setString(14, request.actor().name());
            insert.setString(15, request.actor().ciRunUrl());
            Sql.setInstant(insert, 16, now);
            insert.executeUpdate();
        } catch (PSQLException e) {
            if (isLockConflict(e)) {
                // The transaction is aborted; end it and read the holder in a fresh one on the same connection.
                connection.rollback();
                Optional<Release> holder =
                        LedgerRows.lockedRelease(connection, request.service(), request.environment(), false);
                return new StartOutcome(null, holder.map(Release::lockHolder).orElse(null));
            }
            if ("23503".equals(e.getSQLState())) {
                throw new InvalidInputException("previous or rolled-back-from release does not exist: "
                        + request.previousReleaseId() + " / " + request.rolledBackFrom());
            }
            throw e;
        }
        LedgerRows.insertAudit(connection, id, AuditAction.START, request.actor(), null, now);
        LedgerEvents.write(connection, LedgerEvents.started(id, request, now));
        return new StartOutcome(
                new Release(
                        id,
                        request,
                        ReleaseState.IN_PROGRESS,
                        0,
                        null,
                        now,
                        null,
                        null,
                        new LockHolder(id, request.version(), request.actor(), now)),
                null);
    }

    private static boolean isLockConflict(PSQLException e) {
        return "23505".equals(e.getSQLState())
                && e.getServerErrorMessage() != null
                && LOCK_INDEX.equals(e.getServerErrorMessage().getConstraint());
    }

    private void abortForTakeover(Connection connection, Release held, Actor actor, String reason, Instant now)
            throws SQLException {
        String why = "lock taken over by " + actor + ": " + reason;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE releases SET state = 'ABORTED', finished_at = ?, finish_reason = ? WHERE id = ?")) {
            Sql.setInstant(update, 1, now);
            update.setString(2, why);
            update.setObject(3, held.id());
            update.executeUpdate();
        }
        LedgerRows.insertAudit(connection, held.id(), AuditAction.TAKEOVER, actor, reason, now);
        LedgerEvents.write(connection, LedgerEvents.lockTakenOver(held, actor, reason, now));
        LedgerEvents.write(connection, LedgerEvents.abortedForTakeover(held, why, now));
    }

    /** Hands the lock of the release in progress to {@code actor}, audited as TAKEOVER. */
    Release takeOver(String service, String environment, Actor actor, String reason) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        LedgerInput.text("takeover reason", reason, LedgerInput.MAX_LONG_TEXT);
        return sql.transaction("take over the environment lock", connection -> {
            Release held = LedgerRows.lockedRelease(connection, service, environment, true)
                    .orElseThrow(() -> new InvalidInputException("no release of service '" + service
                            + "' is in progress in environment '" + environment + "'; nothing to take over"));
            Instant now = now();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE releases SET lock_actor = ?, lock_ci_run_url = ?, locked_since = ? WHERE id = ?")) {
                update.setString(1, actor.name());
                update.setString(2, actor.ciRunUrl());
                Sql.setInstant(update, 3, now);
                update.setObject(4, held.id());
                update.executeUpdate();
            }
            LedgerRows.insertAudit(connection, held.id(), AuditAction.TAKEOVER, actor, reason, now);
            LedgerEvents.write(connection, LedgerEvents.lockTakenOver(held, actor, reason, now));
            return new Release(
                    held.id(),
                    held.request(),
                    held.state(),
                    held.currentStep(),
                    held.weights(),
                    held.startedAt(),
                    null,
                    null,
                    new LockHolder(held.id(), held.version(), actor, now));
        });
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("interrupted while waiting for the environment lock", e);
        }
    }
}
