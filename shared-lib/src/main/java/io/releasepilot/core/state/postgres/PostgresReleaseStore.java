package io.releasepilot.core.state.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.LedgerInput;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The release ledger in Postgres over a HikariCP pool. Open it with {@link #open(StateStoreConfig)}: that starts the
 * embedded database when no URL is configured and runs the Flyway migrations (serialised across processes by a
 * Postgres advisory lock; {@link LedgerDatabase}). The environment lock is {@link PostgresEnvironmentLock}; reads are
 * {@link LedgerQueries}; rows are mapped by {@link LedgerRows}, step details by {@link StepDetailCodec}, and every
 * change writes its {@link LedgerEvents event} to the outbox in the same transaction.
 */
public final class PostgresReleaseStore implements ReleaseStore {
    private final HikariDataSource dataSource;
    private final @Nullable EmbeddedDatabase embedded;
    private final Sql sql;
    private final Clock clock;
    private final PostgresOutbox outbox;
    private final PostgresEnvironmentLock lock;
    private final LedgerQueries queries;
    private final AlertReceipts alerts;
    private final LedgerSlots slots;
    /** Service and environment of recent releases (immutable per id). */
    private final Map<UUID, String[]> names = new ConcurrentHashMap<>();

    private PostgresReleaseStore(
            HikariDataSource dataSource, @Nullable EmbeddedDatabase embedded, String where, Clock clock) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.sql = new Sql(dataSource, where);
        this.clock = clock;
        this.outbox = new PostgresOutbox(sql, clock);
        this.lock = new PostgresEnvironmentLock(sql, clock);
        this.queries = new LedgerQueries(sql);
        this.alerts = new AlertReceipts(sql, clock);
        this.slots = new LedgerSlots(sql, clock);
    }

    /**
     * The JDBC URL of the embedded Postgres this store started, while it runs: another process (e.g. {@code status
     * --watch} beside {@code demo --keep}) reaches the same ledger through it as {@code RP_DATABASE_URL}.
     */
    public Optional<String> embeddedJdbcUrl() {
        return Optional.ofNullable(embedded).map(EmbeddedDatabase::jdbcUrl);
    }

    /**
     * The ledger's connection pool, for adapters that keep their own tables in its schema (the notification delivery
     * log, migration V6); closed with this store.
     */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Opens the ledger described by {@code config}, migrating its schema first. */
    public static PostgresReleaseStore open(StateStoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(StateStoreConfig)}, with the clock that stamps ledger rows. */
    public static PostgresReleaseStore open(StateStoreConfig config, Clock clock) {
        EmbeddedDatabase embedded = config.embedded() ? EmbeddedDatabase.start(config.dataDirectory()) : null;
        HikariDataSource dataSource = null;
        try {
            String url = embedded == null ? Objects.requireNonNull(config.jdbcUrl()) : embedded.jdbcUrl();
            dataSource =
                    LedgerDatabase.pool(config, url, embedded == null ? config.user() : "postgres", config.password());
            LedgerDatabase.migrate(new Sql(dataSource, config.describe()), dataSource, config.schema());
            return new PostgresReleaseStore(dataSource, embedded, config.describe(), clock);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Release start(ReleaseRequest request, StartOptions options) {
        Release release = lock.start(request, options);
        remember(release.id(), release.service(), release.environment());
        return release;
    }

    @Override
    public Release takeOver(String service, String environment, Actor actor, String reason) {
        return lock.takeOver(service, environment, actor, reason);
    }

    private String[] remember(UUID id, String service, String environment) {
        if (names.size() > 10_000) {
            names.clear();
        }
        String[] pair = {service, environment};
        names.put(id, pair);
        return pair;
    }

    @Override
    public ReleaseStep recordStep(UUID releaseId, NewStep step) {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(step, "step");
        String details = StepDetailCodec.toJson(step.detail());
        Instant now = now();
        TrafficSplit weights = step.weights();
        // Names never change, so a cached copy saves a round trip on the hot path.
        String[] serviceEnvironment = names.get(releaseId);
        if (serviceEnvironment == null) {
            Release release = find(releaseId).orElseThrow(() -> LedgerRows.unknown(releaseId));
            serviceEnvironment = remember(release.id(), release.service(), release.environment());
        }
        ReleaseEvent event =
                LedgerEvents.stepRecorded(serviceEnvironment[0], serviceEnvironment[1], releaseId, now, step);
        // One statement, one round trip, atomic in autocommit mode: lock the release, append the step, move the
        // release's progress when weights were set (the one write of that change; this STEP_RECORDED is its one event),
        // write the outbox row. Nothing is appended unless the release is active, nor twice: a retry with the same
        // event id conflicts on it and adds no other.
        return sql.idempotentStatement("record a release step", connection -> {
            // A retried append conflicts on the event id and inserts nothing; only then is the earlier step looked up
            // (COALESCE evaluates its second argument only when the first is null), so a new step costs no extra probe.
            try (PreparedStatement append = connection.prepareStatement("WITH r AS ("
                    + "SELECT id, state FROM releases WHERE id = ? FOR UPDATE),"
                    + " s AS (INSERT INTO release_steps (release_id, step_index, kind, stable_weight, canary_weight,"
                    + " verdict, details, recorded_at, event_id) SELECT r.id, ?, ?, ?, ?, ?, ?::jsonb, ?, ? FROM r"
                    + " WHERE r.state IN " + LedgerRows.ACTIVE + " ON CONFLICT (event_id) DO NOTHING RETURNING id),"
                    + " u AS (UPDATE releases SET stable_weight = ?, canary_weight = ?, current_step = ?"
                    + " WHERE id = ? AND ?::boolean AND EXISTS (SELECT 1 FROM s)),"
                    + " o AS (INSERT INTO outbox (event_id, service, environment, subject, type, payload, created_at)"
                    + " SELECT ?, ?, ?, ?, 'STEP_RECORDED', ?::json, ? FROM s)"
                    + " SELECT r.state, COALESCE((SELECT id FROM s),"
                    + " (SELECT id FROM release_steps WHERE event_id = ?)) AS step_id FROM r")) {
                int i = 1;
                append.setObject(i++, releaseId);
                append.setInt(i++, step.stepIndex());
                append.setString(i++, step.kind().name());
                Sql.setInteger(append, i++, weights == null ? null : weights.stable());
                Sql.setInteger(append, i++, weights == null ? null : weights.canary());
                append.setString(
                        i++, step.verdict() == null ? null : step.verdict().name());
                append.setString(i++, details);
                Sql.setInstant(append, i++, now);
                append.setObject(i++, event.id());
                Sql.setInteger(append, i++, weights == null ? null : weights.stable());
                Sql.setInteger(append, i++, weights == null ? null : weights.canary());
                append.setInt(i++, step.stepIndex());
                append.setObject(i++, releaseId);
                append.setBoolean(i++, weights != null);
                append.setObject(i++, event.id());
                append.setString(i++, event.service());
                append.setString(i++, event.environment());
                append.setString(i++, event.subject());
                append.setString(i++, event.toJson());
                Sql.setInstant(append, i++, now);
                append.setObject(i, event.id());
                try (ResultSet rows = append.executeQuery()) {
                    if (!rows.next()) {
                        throw LedgerRows.unknown(releaseId);
                    }
                    ReleaseState state = ReleaseState.valueOf(rows.getString(1));
                    long stepId = rows.getLong(2);
                    if (rows.wasNull()) {
                        throw LedgerRows.notActive(releaseId, state, "record a step");
                    }
                    return new ReleaseStep(stepId, releaseId, step, now);
                }
            }
        });
    }

    /**
     * Moves progress without a traffic step (a blue-green phase reached). Progress that is already there is neither
     * written again nor announced again: one write and one PROGRESS_UPDATED event per change.
     */
    @Override
    public Release updateProgress(UUID releaseId, int currentStep, @Nullable TrafficSplit weights) {
        if (currentStep < 0) {
            throw new InvalidInputException("current step must not be negative, was " + currentStep);
        }
        return sql.transaction("update release progress", connection -> {
            Release release = requireActive(connection, releaseId, "update its progress");
            if (release.currentStep() == currentStep && Objects.equals(release.weights(), weights)) {
                return release;
            }
            Instant now = now();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE releases SET current_step = ?, stable_weight = ?, canary_weight = ? WHERE id = ?")) {
                update.setInt(1, currentStep);
                Sql.setInteger(update, 2, weights == null ? null : weights.stable());
                Sql.setInteger(update, 3, weights == null ? null : weights.canary());
                update.setObject(4, releaseId);
                update.executeUpdate();
            }
            LedgerEvents.write(connection, LedgerEvents.progressUpdated(release, currentStep, weights, now));
            return release.withProgress(currentStep, weights);
        });
    }

    @Override
    public AuditEntry act(UUID releaseId, AuditAction action, Actor actor, @Nullable String reason) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        LedgerInput.optionalText("reason", reason, LedgerInput.MAX_LONG_TEXT);
        EventType type = LedgerEvents.typeOf(action);
        return sql.transaction("record " + action + " of release " + releaseId, connection -> {
            Release release = requireActive(connection, releaseId, action.name().toLowerCase(java.util.Locale.ROOT));
            ReleaseState next = release.state();
            if (action == AuditAction.PAUSE) {
                if (release.state() != ReleaseState.IN_PROGRESS) {
                    throw new InvalidInputException("release " + releaseId + " is already paused");
                }
                next = ReleaseState.PAUSED;
            } else if (action == AuditAction.RESUME) {
                if (release.state() != ReleaseState.PAUSED) {
                    throw new InvalidInputException("release " + releaseId + " is not paused");
                }
                next = ReleaseState.IN_PROGRESS;
            }
            if (next != release.state()) {
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE releases SET state = ? WHERE id = ?")) {
                    update.setString(1, next.name());
                    update.setObject(2, releaseId);
                    update.executeUpdate();
                }
            }
            Instant now = now();
            long sequence = LedgerRows.insertAudit(connection, releaseId, action, actor, reason, now);
            LedgerEvents.write(connection, LedgerEvents.acted(type, release, actor, reason, now));
            return new AuditEntry(sequence, releaseId, action, actor, reason, now);
        });
    }

    @Override
    public Approval approve(UUID releaseId, int stepIndex, Actor approver, @Nullable String comment) {
        Objects.requireNonNull(approver, "approver");
        LedgerInput.optionalText("comment", comment, LedgerInput.MAX_LONG_TEXT);
        if (stepIndex < 0) {
            throw new InvalidInputException("step index must not be negative, was " + stepIndex);
        }
        return sql.transaction("record an approval", connection -> {
            Release release = requireActive(connection, releaseId, "approve a step");
            Instant now = now();
            long sequence = LedgerRows.insertApproval(connection, releaseId, stepIndex, approver, comment, now);
            LedgerRows.insertAudit(connection, releaseId, AuditAction.APPROVE, approver, comment, now);
            LedgerEvents.write(connection, LedgerEvents.approved(release, stepIndex, approver, comment, now));
            return new Approval(sequence, releaseId, stepIndex, approver, comment, now);
        });
    }

    @Override
    public Release finish(UUID releaseId, ReleaseState outcome, Actor actor, @Nullable String reason) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        LedgerInput.optionalText("reason", reason, LedgerInput.MAX_LONG_TEXT);
        if (outcome.active()) {
            throw new InvalidInputException(
                    "a release finishes as SUCCEEDED, ROLLED_BACK, FAILED or ABORTED, not " + outcome);
        }
        EventType type = LedgerEvents.typeOf(outcome);
        return sql.transaction("finish release " + releaseId, connection -> {
            Release release = requireActive(connection, releaseId, "finish it");
            Instant now = now();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE releases SET state = ?, finished_at = ?, finish_reason = ? WHERE id = ?")) {
                update.setString(1, outcome.name());
                Sql.setInstant(update, 2, now);
                update.setString(3, reason);
                update.setObject(4, releaseId);
                update.executeUpdate();
            }
            LedgerRows.insertAudit(connection, releaseId, AuditAction.FINISH, actor, reason, now);
            LedgerEvents.write(connection, LedgerEvents.finished(type, release, outcome, actor, reason, now));
            return new Release(
                    release.id(),
                    release.request(),
                    outcome,
                    release.currentStep(),
                    release.weights(),
                    release.startedAt(),
                    now,
                    reason,
                    release.lockHolder());
        });
    }

    @Override
    public Optional<Release> find(UUID releaseId) {
        return queries.find(releaseId);
    }

    @Override
    public Optional<Release> inProgress(String service, String environment) {
        return queries.inProgress(service, environment);
    }

    @Override
    public Optional<Release> lastSuccessful(String service, String environment) {
        return queries.lastSuccessful(service, environment);
    }

    @Override
    public List<DeploymentRecord> releasesSince(String service, String environment, Instant since) {
        return queries.releasesSince(service, environment, since);
    }

    @Override
    public List<ReleaseStep> steps(UUID releaseId) {
        return queries.steps(releaseId);
    }

    @Override
    public List<AuditEntry> auditTrail(UUID releaseId) {
        return queries.auditTrail(releaseId);
    }

    @Override
    public List<Approval> approvals(UUID releaseId) {
        return queries.approvals(releaseId);
    }

    @Override
    public Set<String> handledAlerts(Collection<String> alertKeys) {
        return alerts.handled(alertKeys);
    }

    @Override
    public void recordHandledAlerts(UUID releaseId, String groupKey, Collection<String> alertKeys) {
        alerts.record(releaseId, groupKey, alertKeys);
    }

    @Override
    public SlotMap slots(String service, String environment) {
        return slots.read(service, environment);
    }

    @Override
    public SlotMap recordSlots(String service, String environment, List<Slot.Change> changes) {
        return slots.record(service, environment, changes);
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private Release requireActive(Connection connection, UUID releaseId, String what) throws SQLException {
        Release release = LedgerRows.requireRelease(connection, releaseId, true);
        if (!release.state().active()) {
            throw LedgerRows.notActive(releaseId, release.state(), what);
        }
        return release;
    }
}
