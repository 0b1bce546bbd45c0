package io.releasepilot.core.state.postgres;

import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.LedgerInput;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The read side of {@link PostgresReleaseStore}: each query in its own short transaction. */
final class LedgerQueries {
    private final Sql sql;

    LedgerQueries(Sql sql) {
        this.sql = sql;
    }

    Optional<Release> find(UUID releaseId) {
        Objects.requireNonNull(releaseId, "releaseId");
        return sql.transaction("read release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + LedgerRows.RELEASE_COLUMNS + " FROM releases WHERE id = ?")) {
                select.setObject(1, releaseId);
                return LedgerRows.single(select);
            }
        });
    }

    Optional<Release> inProgress(String service, String environment) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        return sql.transaction(
                "read the release in progress",
                connection -> LedgerRows.lockedRelease(connection, service, environment, false));
    }

    Optional<Release> lastSuccessful(String service, String environment) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        return sql.transaction("read the last successful release", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + LedgerRows.RELEASE_COLUMNS
                    + " FROM releases WHERE service = ? AND environment = ? AND state = 'SUCCEEDED'"
                    + " ORDER BY finished_at DESC, started_at DESC LIMIT 1")) {
                select.setString(1, service);
                select.setString(2, environment);
                return LedgerRows.single(select);
            }
        });
    }

    List<DeploymentRecord> releasesSince(String service, String environment, Instant since) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        Objects.requireNonNull(since, "since");
        return sql.transaction("read releases since " + since, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.version, r.commit_sha,"
                    + " r.strategy, r.state, r.started_at, r.finished_at, r.first_commit_at,"
                    + " (r.state = 'ROLLED_BACK' OR EXISTS (SELECT 1 FROM releases b WHERE b.rolled_back_from = r.id))"
                    + " AS rolled_back FROM releases r WHERE r.service = ? AND r.environment = ? AND r.started_at >= ?"
                    + " ORDER BY r.started_at, r.id")) {
                select.setString(1, service);
                select.setString(2, environment);
                Sql.setInstant(select, 3, since);
                List<DeploymentRecord> records = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(LedgerRows.deployment(rows));
                    }
                }
                return records;
            }
        });
    }

    List<ReleaseStep> steps(UUID releaseId) {
        return sql.transaction("read steps of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + LedgerRows.STEP_COLUMNS + " FROM release_steps WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<ReleaseStep> steps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        steps.add(LedgerRows.step(rows, releaseId));
                    }
                }
                return steps;
            }
        });
    }

    List<AuditEntry> auditTrail(UUID releaseId) {
        return sql.transaction("read the audit trail of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, action, actor, ci_run_url, reason, at FROM audit WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(LedgerRows.auditEntry(rows, releaseId));
                    }
                }
                return entries;
            }
        });
    }

    List<Approval> approvals(UUID releaseId) {
        return sql.transaction("read approvals of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, step_index, approver, ci_run_url,"
                    + " comment, approved_at FROM approvals WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<Approval> approvals = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        approvals.add(LedgerRows.approval(rows, releaseId));
                    }
                }
                return approvals;
            }
        });
    }
}
