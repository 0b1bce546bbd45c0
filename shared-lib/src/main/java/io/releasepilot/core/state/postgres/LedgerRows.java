package io.releasepilot.core.state.postgres;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Rows of the ledger's tables as records, and the few row-level statements both {@link PostgresReleaseStore} and
 * {@link PostgresEnvironmentLock} run (reading a release, inserting an audit row).
 */
final class LedgerRows {
    /** Releases that hold their environment's lock. */
    static final String ACTIVE = "('IN_PROGRESS', 'PAUSED')";

    static final String RELEASE_COLUMNS = "id, service, environment, version, commit_sha, first_commit_at,"
            + " strategy, state, current_step, stable_weight, canary_weight, started_at, finished_at, actor,"
            + " ci_run_url, spec_hash, previous_release_id, rolled_back_from, finish_reason, lock_actor,"
            + " lock_ci_run_url, locked_since";

    static final String STEP_COLUMNS =
            "id, step_index, kind, stable_weight, canary_weight, verdict, details::text AS details, recorded_at";

    private LedgerRows() {}

    static Release release(ResultSet rows) throws SQLException {
        UUID id = Objects.requireNonNull(Sql.uuid(rows, "id"));
        ReleaseRequest request = new ReleaseRequest(
                rows.getString("service"),
                rows.getString("environment"),
                rows.getString("version"),
                rows.getString("commit_sha"),
                Sql.instant(rows, "first_commit_at"),
                ReleaseStrategy.valueOf(rows.getString("strategy")),
                new Actor(rows.getString("actor"), rows.getString("ci_run_url")),
                rows.getString("spec_hash"),
                Sql.uuid(rows, "previous_release_id"),
                Sql.uuid(rows, "rolled_back_from"));
        return new Release(
                id,
                request,
                ReleaseState.valueOf(rows.getString("state")),
                rows.getInt("current_step"),
                weights(rows),
                Objects.requireNonNull(Sql.instant(rows, "started_at")),
                Sql.instant(rows, "finished_at"),
                rows.getString("finish_reason"),
                new LockHolder(
                        id,
                        rows.getString("version"),
                        new Actor(rows.getString("lock_actor"), rows.getString("lock_ci_run_url")),
                        Objects.requireNonNull(Sql.instant(rows, "locked_since"))));
    }

    /** A row of {@link #STEP_COLUMNS}, its details read back typed. */
    static ReleaseStep step(ResultSet rows, UUID releaseId) throws SQLException {
        String verdict = rows.getString("verdict");
        Instant recordedAt = Objects.requireNonNull(Sql.instant(rows, "recorded_at"));
        NewStep step = new NewStep(
                rows.getInt("step_index"),
                StepDetailCodec.fromJson(
                        StepKind.valueOf(rows.getString("kind")),
                        verdict == null ? null : Verdict.valueOf(verdict),
                        weights(rows),
                        rows.getString("details"),
                        recordedAt));
        return new ReleaseStep(rows.getLong("id"), releaseId, step, recordedAt);
    }

    static DeploymentRecord deployment(ResultSet rows) throws SQLException {
        return new DeploymentRecord(
                Objects.requireNonNull(Sql.uuid(rows, "id")),
                rows.getString("version"),
                rows.getString("commit_sha"),
                ReleaseStrategy.valueOf(rows.getString("strategy")),
                ReleaseState.valueOf(rows.getString("state")),
                Objects.requireNonNull(Sql.instant(rows, "started_at")),
                Sql.instant(rows, "finished_at"),
                Sql.instant(rows, "first_commit_at"),
                rows.getBoolean("rolled_back"));
    }

    static AuditEntry auditEntry(ResultSet rows, UUID releaseId) throws SQLException {
        return new AuditEntry(
                rows.getLong("id"),
                releaseId,
                AuditAction.valueOf(rows.getString("action")),
                new Actor(rows.getString("actor"), rows.getString("ci_run_url")),
                rows.getString("reason"),
                Objects.requireNonNull(Sql.instant(rows, "at")));
    }

    static Approval approval(ResultSet rows, UUID releaseId) throws SQLException {
        return new Approval(
                rows.getLong("id"),
                releaseId,
                rows.getInt("step_index"),
                new Actor(rows.getString("approver"), rows.getString("ci_run_url")),
                rows.getString("comment"),
                Objects.requireNonNull(Sql.instant(rows, "approved_at")));
    }

    private static @Nullable TrafficSplit weights(ResultSet rows) throws SQLException {
        Integer stable = Sql.integer(rows, "stable_weight");
        Integer canary = Sql.integer(rows, "canary_weight");
        return stable == null || canary == null ? null : new TrafficSplit(stable, canary);
    }

    /** The first row of {@code select} as a release. */
    static Optional<Release> single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(release(rows)) : Optional.empty();
        }
    }

    static Release requireRelease(Connection connection, UUID releaseId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + RELEASE_COLUMNS + " FROM releases WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, releaseId);
            return single(select).orElseThrow(() -> unknown(releaseId));
        }
    }

    /** The release holding the lock of service + environment, if any. */
    static Optional<Release> lockedRelease(Connection connection, String service, String environment, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RELEASE_COLUMNS
                + " FROM releases WHERE service = ? AND environment = ? AND state IN " + ACTIVE
                + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, service);
            select.setString(2, environment);
            return single(select);
        }
    }

    static long insertAudit(
            Connection connection, UUID releaseId, AuditAction action, Actor actor, @Nullable String reason, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit (release_id, action, actor,"
                + " ci_run_url, reason, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setObject(1, releaseId);
            insert.setString(2, action.name());
            insert.setString(3, actor.name());
            insert.setString(4, actor.ciRunUrl());
            insert.setString(5, reason);
            Sql.setInstant(insert, 6, at);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static InvalidInputException unknown(UUID releaseId) {
        return new InvalidInputException("no release " + releaseId + " in the ledger");
    }

    static InvalidInputException notActive(UUID releaseId, ReleaseState state, String what) {
        return new InvalidInputException("release " + releaseId + " is " + state + ", not in progress; cannot " + what);
    }

    /** Inserts an approval row; returns its id. */
    static long insertApproval(
            Connection connection, UUID releaseId, int stepIndex, Actor approver, @Nullable String comment, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO approvals (release_id, step_index,"
                + " approver, ci_run_url, comment, approved_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setObject(1, releaseId);
            insert.setInt(2, stepIndex);
            insert.setString(3, approver.name());
            insert.setString(4, approver.ciRunUrl());
            insert.setString(5, comment);
            Sql.setInstant(insert, 6, now);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
