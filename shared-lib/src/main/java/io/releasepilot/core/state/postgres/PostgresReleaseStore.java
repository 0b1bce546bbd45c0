package io.releasepilot.core.state.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.LedgerInput;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StateStoreException;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.TrafficSplit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;

/**
 * The release ledger in Postgres over a HikariCP pool. Open it with {@link #open(StateStoreConfig)}: that starts the
 * embedded database when no URL is configured and runs the Flyway migrations (serialised across processes by a
 * Postgres advisory lock). The environment lock is the unique partial index {@code releases_environment_lock}, so it
 * holds across processes and machines and survives crashes; it is freed by finishing the release or taken over
 * explicitly.
 */
public final class PostgresReleaseStore implements ReleaseStore {
    /** Advisory lock key serialising migrations ("RP_MIGRA"). */
    static final long MIGRATION_LOCK = 0x52505f4d49475241L;

    private static final String LOCK_INDEX = "releases_environment_lock";
    private static final String ACTIVE = "('IN_PROGRESS', 'PAUSED')";
    private static final Duration LOCK_POLL = Duration.ofMillis(200);
    private static final String RELEASE_COLUMNS = "id, service, environment, version, commit_sha, first_commit_at,"
            + " strategy, state, current_step, stable_weight, canary_weight, started_at, finished_at, actor,"
            + " ci_run_url, spec_hash, previous_release_id, rolled_back_from, finish_reason, lock_actor,"
            + " lock_ci_run_url, locked_since";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HikariDataSource dataSource;
    private final @Nullable EmbeddedDatabase embedded;
    private final Sql sql;
    private final Clock clock;
    private final PostgresOutbox outbox;
    /** Service and environment of recent releases (immutable per id). */
    private final Map<UUID, String[]> names = new ConcurrentHashMap<>();

    private PostgresReleaseStore(
            HikariDataSource dataSource, @Nullable EmbeddedDatabase embedded, String where, Clock clock) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.sql = new Sql(dataSource, where);
        this.clock = clock;
        this.outbox = new PostgresOutbox(sql, clock);
    }

    /**
     * The JDBC URL of the embedded Postgres this store started, while it runs: another process (e.g. {@code status
     * --watch} beside {@code demo --keep}) reaches the same ledger through it as {@code RP_DATABASE_URL}.
     */
    public Optional<String> embeddedJdbcUrl() {
        return Optional.ofNullable(embedded).map(EmbeddedDatabase::jdbcUrl);
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
            dataSource = pool(config, url, embedded == null ? config.user() : "postgres", config.password());
            migrate(new Sql(dataSource, config.describe()), dataSource, config.schema());
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

    private static HikariDataSource pool(
            StateStoreConfig config, String url, @Nullable String user, @Nullable String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("release-pilot-state");
        hikari.setJdbcUrl(url);
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(
                Math.max(250, Math.min(config.connectTimeout().toMillis() - 1, 3_000)));
        // Do not connect while building the pool: the first real call reports an unreachable server as a
        // StateStoreException naming the setting to fix.
        hikari.setInitializationFailTimeout(-1);
        hikari.setKeepaliveTime(60_000);
        long connectSeconds = Math.max(1, config.connectTimeout().toSeconds());
        hikari.addDataSourceProperty("connectTimeout", connectSeconds);
        hikari.addDataSourceProperty("loginTimeout", connectSeconds);
        // A socket timeout above the statement timeout catches a server that vanished without closing the socket.
        hikari.addDataSourceProperty("socketTimeout", config.statementTimeout().toSeconds() + connectSeconds + 5);
        hikari.addDataSourceProperty("tcpKeepAlive", true);
        hikari.addDataSourceProperty("ApplicationName", "release-pilot");
        hikari.setConnectionInitSql(
                "SET statement_timeout = " + config.statementTimeout().toMillis()
                        + "; SET idle_in_transaction_session_timeout = "
                        + Math.max(60_000, config.statementTimeout().toMillis() * 4));
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        return new HikariDataSource(hikari);
    }

    /**
     * Runs the migrations under a session advisory lock, so runners starting at once take turns: the first migrates,
     * the others find the schema current. The lock also covers creating the schema, which Postgres cannot do
     * race-free by itself.
     */
    private static void migrate(Sql sql, HikariDataSource dataSource, @Nullable String schema) {
        sql.transaction("migrate the ledger schema", connection -> {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
                try {
                    if (schema != null) {
                        // schema is a validated lower-case identifier (StateStoreConfig), safe to inline.
                        statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                    }
                    FluentConfiguration flyway = Flyway.configure()
                            .dataSource(dataSource)
                            .locations("classpath:db/migration")
                            .connectRetries(0);
                    if (schema != null) {
                        flyway = flyway.schemas(schema).defaultSchema(schema);
                    }
                    flyway.load().migrate();
                } catch (FlywayException e) {
                    throw new StateStoreException("cannot migrate the ledger schema: " + e.getMessage(), e);
                } finally {
                    statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
            connection.setAutoCommit(false); // Sql.transaction commits next; nothing is pending
            return null;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------------------------------------- start and lock

    @Override
    public Release start(ReleaseRequest request, StartOptions options) {
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
            Optional<Release> held = lockedRelease(connection, request.service(), request.environment(), true);
            if (held.isPresent()) {
                abortForTakeover(
                        connection, held.get(), request.actor(), Objects.requireNonNull(options.takeoverReason()), now);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement savepointless = connection.prepareStatement("INSERT INTO releases (id, service,"
                + " environment, version, commit_sha, first_commit_at, strategy, state, current_step, started_at,"
                + " actor, ci_run_url, spec_hash, previous_release_id, rolled_back_from, lock_actor, lock_ci_run_url,"
                + " locked_since) VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            savepointless.setObject(1, id);
            savepointless.setString(2, request.service());
            savepointless.setString(3, request.environment());
            savepointless.setString(4, request.version());
            savepointless.setString(5, request.commitSha());
            Sql.setInstant(savepointless, 6, request.firstCommitAt());
            savepointless.setString(7, request.strategy().name());
            Sql.setInstant(savepointless, 8, now);
            savepointless.setString(9, request.actor().name());
            savepointless.setString(10, request.actor().ciRunUrl());
            savepointless.setString(11, request.specHash());
            Sql.setUuid(savepointless, 12, request.previousReleaseId());
            Sql.setUuid(savepointless, 13, request.rolledBackFrom());
            savepointless.setString(14, request.actor().name());
            savepointless.setString(15, request.actor().ciRunUrl());
            Sql.setInstant(savepointless, 16, now);
            savepointless.executeUpdate();
        } catch (PSQLException e) {
            if (isLockConflict(e)) {
                // The transaction is aborted; end it and read the holder in a fresh one on the same connection.
                connection.rollback();
                Optional<Release> holder = lockedRelease(connection, request.service(), request.environment(), false);
                return new StartOutcome(null, holder.map(Release::lockHolder).orElse(null));
            }
            if ("23503".equals(e.getSQLState())) {
                throw new InvalidInputException("previous or rolled-back-from release does not exist: "
                        + request.previousReleaseId() + " / " + request.rolledBackFrom());
            }
            throw e;
        }
        audit(connection, id, AuditAction.START, request.actor(), null, now);
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("version", request.version());
        data.put("commitSha", request.commitSha());
        data.put("strategy", request.strategy().name());
        data.put("actor", request.actor().name());
        data.put("ciRunUrl", request.actor().ciRunUrl());
        data.put("previousReleaseId", string(request.previousReleaseId()));
        data.put("rolledBackFrom", string(request.rolledBackFrom()));
        event(connection, EventType.RELEASE_STARTED, request.service(), request.environment(), id, now, data);
        remember(id, request.service(), request.environment());
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

    private String[] remember(UUID id, String service, String environment) {
        if (names.size() > 10_000) {
            names.clear();
        }
        String[] pair = {service, environment};
        names.put(id, pair);
        return pair;
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
        audit(connection, held.id(), AuditAction.TAKEOVER, actor, reason, now);
        Map<String, @Nullable Object> data = holderData(held);
        data.put("actor", actor.name());
        data.put("ciRunUrl", actor.ciRunUrl());
        data.put("reason", reason);
        event(connection, EventType.LOCK_TAKEN_OVER, held.service(), held.environment(), held.id(), now, data);
        Map<String, @Nullable Object> aborted = new LinkedHashMap<>();
        aborted.put("reason", why);
        event(connection, EventType.RELEASE_ABORTED, held.service(), held.environment(), held.id(), now, aborted);
    }

    private static Map<String, @Nullable Object> holderData(Release held) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("previousHolder", held.lockHolder().actor().name());
        data.put("previousHolderCiRunUrl", held.lockHolder().actor().ciRunUrl());
        data.put("heldSince", held.lockHolder().since().toString());
        return data;
    }

    @Override
    public Release takeOver(String service, String environment, Actor actor, String reason) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        LedgerInput.text("takeover reason", reason, LedgerInput.MAX_LONG_TEXT);
        return sql.transaction("take over the environment lock", connection -> {
            Release held = lockedRelease(connection, service, environment, true)
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
            audit(connection, held.id(), AuditAction.TAKEOVER, actor, reason, now);
            Map<String, @Nullable Object> data = holderData(held);
            data.put("actor", actor.name());
            data.put("ciRunUrl", actor.ciRunUrl());
            data.put("reason", reason);
            event(connection, EventType.LOCK_TAKEN_OVER, service, environment, held.id(), now, data);
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

    private Optional<Release> lockedRelease(
            Connection connection, String service, String environment, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + RELEASE_COLUMNS
                + " FROM releases WHERE service = ? AND environment = ? AND state IN " + ACTIVE
                + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, service);
            select.setString(2, environment);
            return single(select);
        }
    }

    // ----------------------------------------------------------------------------------------------------- writes

    @Override
    public ReleaseStep recordStep(UUID releaseId, NewStep step) {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(step, "step");
        String details = json(step.details());
        Instant now = now();
        TrafficSplit weights = step.weights();
        // Names never change, so a cached copy saves a round trip on the hot path.
        String[] serviceEnvironment = names.get(releaseId);
        if (serviceEnvironment == null) {
            Release release = find(releaseId).orElseThrow(() -> unknown(releaseId));
            serviceEnvironment = remember(release.id(), release.service(), release.environment());
        }
        ReleaseEvent event = ReleaseEvent.of(
                EventType.STEP_RECORDED, serviceEnvironment[0], serviceEnvironment[1], releaseId, now, stepData(step));
        // One statement, one round trip, atomic in autocommit mode: lock the release, append the step, move the
        // release's progress when weights were set, write the outbox row. It appends nothing unless the release is
        // active, and nothing twice: a retry with the same event id conflicts on it and adds no other.
        return sql.idempotentStatement("record a release step", connection -> {
            // A retried append conflicts on the event id and inserts nothing; only then is the earlier step looked up
            // (COALESCE evaluates its second argument only when the first is null), so a new step costs no extra probe.
            try (PreparedStatement append = connection.prepareStatement("WITH r AS ("
                    + "SELECT id, state FROM releases WHERE id = ? FOR UPDATE),"
                    + " s AS (INSERT INTO release_steps (release_id, step_index, kind, stable_weight, canary_weight,"
                    + " verdict, details, recorded_at, event_id) SELECT r.id, ?, ?, ?, ?, ?, ?::jsonb, ?, ? FROM r"
                    + " WHERE r.state IN " + ACTIVE + " ON CONFLICT (event_id) DO NOTHING RETURNING id),"
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
                        throw unknown(releaseId);
                    }
                    ReleaseState state = ReleaseState.valueOf(rows.getString(1));
                    long stepId = rows.getLong(2);
                    if (rows.wasNull()) {
                        throw notActive(releaseId, state, "record a step");
                    }
                    return new ReleaseStep(stepId, releaseId, step, now);
                }
            }
        });
    }

    private static Map<String, @Nullable Object> stepData(NewStep step) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("stepIndex", step.stepIndex());
        data.put("kind", step.kind().name());
        if (step.weights() != null) {
            data.put("stableWeight", step.weights().stable());
            data.put("canaryWeight", step.weights().canary());
        }
        if (step.verdict() != null) {
            data.put("verdict", step.verdict().name());
        }
        data.put("details", step.details());
        return data;
    }

    @Override
    public Release updateProgress(UUID releaseId, int currentStep, @Nullable TrafficSplit weights) {
        if (currentStep < 0) {
            throw new InvalidInputException("current step must not be negative, was " + currentStep);
        }
        return sql.transaction("update release progress", connection -> {
            Release release = requireActive(connection, releaseId, "update its progress");
            Instant now = now();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE releases SET current_step = ?, stable_weight = ?, canary_weight = ? WHERE id = ?")) {
                update.setInt(1, currentStep);
                Sql.setInteger(update, 2, weights == null ? null : weights.stable());
                Sql.setInteger(update, 3, weights == null ? null : weights.canary());
                update.setObject(4, releaseId);
                update.executeUpdate();
            }
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("currentStep", currentStep);
            data.put("stableWeight", weights == null ? null : weights.stable());
            data.put("canaryWeight", weights == null ? null : weights.canary());
            event(
                    connection,
                    EventType.PROGRESS_UPDATED,
                    release.service(),
                    release.environment(),
                    releaseId,
                    now,
                    data);
            return new Release(
                    release.id(),
                    release.request(),
                    release.state(),
                    currentStep,
                    weights,
                    release.startedAt(),
                    null,
                    null,
                    release.lockHolder());
        });
    }

    @Override
    public AuditEntry act(UUID releaseId, AuditAction action, Actor actor, @Nullable String reason) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        LedgerInput.optionalText("reason", reason, LedgerInput.MAX_LONG_TEXT);
        EventType type = switch (action) {
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
            long sequence = audit(connection, releaseId, action, actor, reason, now);
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("actor", actor.name());
            data.put("ciRunUrl", actor.ciRunUrl());
            data.put("reason", reason);
            event(connection, type, release.service(), release.environment(), releaseId, now, data);
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
            long sequence;
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
                    sequence = rows.getLong(1);
                }
            }
            audit(connection, releaseId, AuditAction.APPROVE, approver, comment, now);
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("stepIndex", stepIndex);
            data.put("actor", approver.name());
            data.put("ciRunUrl", approver.ciRunUrl());
            data.put("comment", comment);
            event(connection, EventType.STEP_APPROVED, release.service(), release.environment(), releaseId, now, data);
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
        EventType type = switch (outcome) {
            case SUCCEEDED -> EventType.RELEASE_SUCCEEDED;
            case ROLLED_BACK -> EventType.RELEASE_ROLLED_BACK;
            case FAILED -> EventType.RELEASE_FAILED;
            default -> EventType.RELEASE_ABORTED;
        };
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
            audit(connection, releaseId, AuditAction.FINISH, actor, reason, now);
            Map<String, @Nullable Object> data = new LinkedHashMap<>();
            data.put("version", release.version());
            data.put("state", outcome.name());
            data.put("actor", actor.name());
            data.put("ciRunUrl", actor.ciRunUrl());
            data.put("reason", reason);
            data.put("startedAt", release.startedAt().toString());
            data.put("finishedAt", now.toString());
            event(connection, type, release.service(), release.environment(), releaseId, now, data);
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

    private long audit(
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

    private static void event(
            Connection connection,
            EventType type,
            String service,
            String environment,
            UUID releaseId,
            Instant at,
            Map<String, @Nullable Object> data)
            throws SQLException {
        PostgresOutbox.insert(
                connection, ReleaseEvent.of(type, service, environment, releaseId, at, data), service, environment, at);
    }

    // ---------------------------------------------------------------------------------------------------- queries

    @Override
    public Optional<Release> find(UUID releaseId) {
        Objects.requireNonNull(releaseId, "releaseId");
        return sql.transaction("read release " + releaseId, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + RELEASE_COLUMNS + " FROM releases WHERE id = ?")) {
                select.setObject(1, releaseId);
                return single(select);
            }
        });
    }

    @Override
    public Optional<Release> inProgress(String service, String environment) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        return sql.transaction(
                "read the release in progress", connection -> lockedRelease(connection, service, environment, false));
    }

    @Override
    public Optional<Release> lastSuccessful(String service, String environment) {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        return sql.transaction("read the last successful release", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + RELEASE_COLUMNS
                    + " FROM releases WHERE service = ? AND environment = ? AND state = 'SUCCEEDED'"
                    + " ORDER BY finished_at DESC, started_at DESC LIMIT 1")) {
                select.setString(1, service);
                select.setString(2, environment);
                return single(select);
            }
        });
    }

    @Override
    public List<DeploymentRecord> releasesSince(String service, String environment, Instant since) {
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
                        records.add(new DeploymentRecord(
                                Objects.requireNonNull(Sql.uuid(rows, "id")),
                                rows.getString("version"),
                                rows.getString("commit_sha"),
                                ReleaseStrategy.valueOf(rows.getString("strategy")),
                                ReleaseState.valueOf(rows.getString("state")),
                                Objects.requireNonNull(Sql.instant(rows, "started_at")),
                                Sql.instant(rows, "finished_at"),
                                Sql.instant(rows, "first_commit_at"),
                                rows.getBoolean("rolled_back")));
                    }
                }
                return records;
            }
        });
    }

    @Override
    public List<ReleaseStep> steps(UUID releaseId) {
        return sql.transaction("read steps of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, step_index, kind, stable_weight,"
                    + " canary_weight, verdict, details::text AS details, recorded_at FROM release_steps"
                    + " WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<ReleaseStep> steps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Integer stable = Sql.integer(rows, "stable_weight");
                        Integer canary = Sql.integer(rows, "canary_weight");
                        String verdict = rows.getString("verdict");
                        NewStep step = new NewStep(
                                rows.getInt("step_index"),
                                StepKind.valueOf(rows.getString("kind")),
                                stable == null || canary == null ? null : new TrafficSplit(stable, canary),
                                verdict == null ? null : Verdict.valueOf(verdict),
                                parse(rows.getString("details")));
                        steps.add(new ReleaseStep(
                                rows.getLong("id"),
                                releaseId,
                                step,
                                Objects.requireNonNull(Sql.instant(rows, "recorded_at"))));
                    }
                }
                return steps;
            }
        });
    }

    @Override
    public List<AuditEntry> auditTrail(UUID releaseId) {
        return sql.transaction("read the audit trail of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, action, actor, ci_run_url, reason, at FROM audit WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(
                                rows.getLong("id"),
                                releaseId,
                                AuditAction.valueOf(rows.getString("action")),
                                new Actor(rows.getString("actor"), rows.getString("ci_run_url")),
                                rows.getString("reason"),
                                Objects.requireNonNull(Sql.instant(rows, "at"))));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public List<Approval> approvals(UUID releaseId) {
        return sql.transaction("read approvals of release " + releaseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, step_index, approver, ci_run_url,"
                    + " comment, approved_at FROM approvals WHERE release_id = ? ORDER BY id")) {
                select.setObject(1, releaseId);
                List<Approval> approvals = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        approvals.add(new Approval(
                                rows.getLong("id"),
                                releaseId,
                                rows.getInt("step_index"),
                                new Actor(rows.getString("approver"), rows.getString("ci_run_url")),
                                rows.getString("comment"),
                                Objects.requireNonNull(Sql.instant(rows, "approved_at"))));
                    }
                }
                return approvals;
            }
        });
    }

    @Override
    public Set<String> handledAlerts(Collection<String> alertKeys) {
        if (alertKeys.isEmpty()) {
            return Set.of();
        }
        return sql.transaction("read handled alerts", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT alert_key FROM alert_receipts WHERE alert_key = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", alertKeys.toArray()));
                Set<String> handled = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        handled.add(rows.getString(1));
                    }
                }
                return Set.copyOf(handled);
            }
        });
    }

    @Override
    public void recordHandledAlerts(UUID releaseId, String groupKey, Collection<String> alertKeys) {
        Objects.requireNonNull(releaseId, "releaseId");
        LedgerInput.text("alert group key", groupKey, LedgerInput.MAX_LONG_TEXT);
        for (String key : alertKeys) {
            LedgerInput.text("alert key", key, LedgerInput.MAX_SHORT_TEXT);
        }
        sql.transaction("record handled alerts", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_receipts (alert_key,"
                    + " group_key, release_id, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (alert_key) DO NOTHING")) {
                Instant now = now();
                for (String key : alertKeys) {
                    insert.setString(1, key);
                    insert.setString(2, groupKey);
                    insert.setObject(3, releaseId);
                    Sql.setInstant(insert, 4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
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

    // ---------------------------------------------------------------------------------------------------- helpers

    private Release requireActive(Connection connection, UUID releaseId, String what) throws SQLException {
        Release release = requireRelease(connection, releaseId, true);
        if (!release.state().active()) {
            throw notActive(releaseId, release.state(), what);
        }
        return release;
    }

    private Release requireRelease(Connection connection, UUID releaseId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + RELEASE_COLUMNS + " FROM releases WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, releaseId);
            return single(select).orElseThrow(() -> unknown(releaseId));
        }
    }

    private static InvalidInputException unknown(UUID releaseId) {
        return new InvalidInputException("no release " + releaseId + " in the ledger");
    }

    private static InvalidInputException notActive(UUID releaseId, ReleaseState state, String what) {
        return new InvalidInputException("release " + releaseId + " is " + state + ", not in progress; cannot " + what);
    }

    private static Optional<Release> single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(release(rows)) : Optional.empty();
        }
    }

    private static Release release(ResultSet rows) throws SQLException {
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
        Integer stable = Sql.integer(rows, "stable_weight");
        Integer canary = Sql.integer(rows, "canary_weight");
        return new Release(
                id,
                request,
                ReleaseState.valueOf(rows.getString("state")),
                rows.getInt("current_step"),
                stable == null || canary == null ? null : new TrafficSplit(stable, canary),
                Objects.requireNonNull(Sql.instant(rows, "started_at")),
                Sql.instant(rows, "finished_at"),
                rows.getString("finish_reason"),
                new LockHolder(
                        id,
                        rows.getString("version"),
                        new Actor(rows.getString("lock_actor"), rows.getString("lock_ci_run_url")),
                        Objects.requireNonNull(Sql.instant(rows, "locked_since"))));
    }

    private static String json(Map<String, @Nullable Object> details) {
        String text;
        try {
            text = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("step details are not JSON-compatible: " + e.getMessage(), e);
        }
        if (text.contains("\\u0000")) {
            throw new InvalidInputException("step details contain a NUL character, which Postgres cannot store");
        }
        return text;
    }

    private static Map<String, @Nullable Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {});
        } catch (JsonProcessingException e) {
            throw new StateStoreException("unreadable step details in the ledger: " + e.getMessage(), e);
        }
    }

    private static @Nullable String string(@Nullable UUID id) {
        return id == null ? null : id.toString();
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
