package io.releasepilot.jenkins;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.GatePlan;
import io.releasepilot.core.gate.GateRecorder;
import io.releasepilot.core.gate.ObjectiveResult;
import io.releasepilot.core.gate.ReportFiles;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.regression.LedgerBaselineSource;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.HttpReleaseSignals;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.spec.AbortAction;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReleaseOperations} backed by the Release Pilot core (shared-lib), bundled in the plugin. Glue only: the spec
 * is read from the workspace, the ledger opened from the global configuration, and every decision is the core's
 * ({@link ReleaseEngine}, {@link GatePlan}); results map onto {@link GateOutcome}/{@link ReleaseOutcome} by name.
 *
 * <p>The step's own release id (chosen before any work, persisted with the program state) and the ledger's release
 * are tied by a NOTE step ({@value #STEP_NOTE}) recorded on the ledger release with the first progress report; the
 * ledger's id is what the outcome (and the badge) carry. A release is the step's when it has that note, or, when the
 * note never got written (a restart right after the start), when it was started from the same build (its actor's
 * CI run URL) for the same version and strategy.
 */
final class CoreReleaseOperations implements ReleaseOperations {
    /** Ledger NOTE event tying a ledger release to the Jenkins step that runs it. */
    static final String STEP_NOTE = "jenkins-step";
    /** Ledger NOTE event recording a finished build on a release still in progress. */
    static final String BUILD_NOTE = "jenkins-build";

    private static final Duration OWN_RELEASE_LOOKBACK = Duration.ofDays(30);

    private final ConnectionSettings settings;
    private final @Nullable String schema;

    CoreReleaseOperations(ConnectionSettings settings) {
        this(settings, null);
    }

    /** With the ledger's tables in {@code schema} (tests isolate themselves this way); null for the default. */
    CoreReleaseOperations(ConnectionSettings settings, @Nullable String schema) {
        this.settings = settings;
        this.schema = schema;
    }

    @Override
    public GateOutcome gate(GateRequest request, ProgressLog log) {
        ReleaseSpec spec = readSpec(request.workspace(), request.specPath());
        List<Path> files = new ArrayList<>();
        for (String glob : request.reports()) {
            files.addAll(ReportFiles.expand(request.workspace(), glob));
        }
        Map<String, List<Path>> reports = ReportFiles.classify(files);
        String environment = request.environment();
        try (ReleaseStore store = environment == null ? null : openStore().orElse(null)) {
            Optional<BaselineSource> baseline =
                    Optional.ofNullable(store).map(s -> new LedgerBaselineSource(s, spec.service(), environment));
            GatePlan plan = GatePlan.from(spec, new GatePlan.Inputs(reports, "", Map.of(), baseline));
            GatePlan.GateRun run = plan.run();
            for (ObjectiveResult result : run.verdict().results()) {
                log.line("  " + result.verdict() + "  " + result.objective().name() + ": " + result.explanation());
            }
            if (store != null) {
                new GateRecorder(store, spec.service(), environment).record(run.verdict());
            }
            return new GateOutcome(
                    run.verdict().verdict(),
                    spec.service(),
                    environment == null ? "(no environment)" : environment,
                    run.report().toMarkdown());
        }
    }

    /** The ledger configured in the global configuration, if any. */
    private Optional<ReleaseStore> openStore() {
        if (settings.databaseUrl() == null) {
            return Optional.empty();
        }
        return Optional.of(PostgresReleaseStore.open(
                StateStoreConfig.server(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())
                        .withSchema(schema)));
    }

    /**
     * The ledger, which releases cannot run without. Never an embedded Postgres inside the controller: it would live
     * in whatever directory Jenkins runs in and vanish with an agent-less restart of the container.
     */
    private ReleaseStore requireStore() {
        return openStore()
                .orElseThrow(() -> new InvalidInputException("no release ledger is configured: set the database URL "
                        + "(and its credentials) in Manage Jenkins → System → Release Pilot, or with JCasC "
                        + "unclassified.releasePilot.databaseUrl"));
    }

    private static ReleaseSpec readSpec(Path workspace, String specPath) {
        Path file = workspace.resolve(specPath);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no spec at " + specPath + " in the workspace; check out the repository "
                    + "first or pass spec: 'path/to/release-pilot.yml'");
        }
        return SpecReader.read(file).value();
    }

    @Override
    public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout(request, log);
    }

    @Override
    public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout(request, log);
    }

    @Override
    public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout(request, log);
    }

    /**
     * Starts the step's release, or continues it when the ledger already has it: a finished one is only reported; one
     * in progress is taken over (audited) by this run and continued by the engine after it reconciled the router.
     */
    private ReleaseOutcome rollout(RolloutRequest request, ProgressLog log) throws InterruptedException {
        ReleaseSpec spec = readSpec(request.workspace(), request.specPath());
        String environment = declared(spec, request.environment());
        String version = Texts.trimToNull(request.version());
        if (version == null) {
            throw new InvalidInputException("name the version to release, e.g. version: \"${env.TAG_NAME}\"");
        }
        try (ReleaseStore store = requireStore()) {
            Optional<Release> own = ownRelease(store, spec.service(), request);
            if (own.isPresent() && !own.get().state().active()) {
                log.line("release " + own.get().id() + " already ended "
                        + own.get().state());
                return outcome(store, own.get(), null);
            }
            AtomicBoolean tied = new AtomicBoolean(own.isPresent());
            ProgressListener listener = progress -> {
                if (tied.compareAndSet(false, true)) {
                    tie(store, progress.releaseId(), progress.step(), request);
                }
                log.line(progress.line());
            };
            ReleaseEngine engine = new ReleaseEngine(
                    store,
                    router(spec),
                    signals(spec),
                    RolloutPlan.from(spec),
                    Clock.systemUTC(),
                    // Thread.sleep: the interrupt of a build abort ends the wait at once.
                    Sleeper.SYSTEM,
                    listener);
            // Taking our own release over is safe: its previous runner was this step before the restart.
            io.releasepilot.core.rollout.RolloutRequest core = new io.releasepilot.core.rollout.RolloutRequest(
                    spec.service(), environment, version, actor(request.context()), null, null, own.isPresent());
            try {
                return outcome(
                        request.kind() == RolloutRequest.Kind.BLUE_GREEN ? engine.blueGreen(core) : engine.canary(core),
                        null);
            } catch (InfrastructureException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(e);
                }
                throw e;
            }
        }
    }

    /** The ledger release the step started: in progress, or ended within {@link #OWN_RELEASE_LOOKBACK}. */
    private static Optional<Release> ownRelease(ReleaseStore store, String service, RolloutRequest request) {
        Optional<Release> held = store.inProgress(service, request.environment());
        if (held.isPresent() && isOwn(store, held.get(), request)) {
            return held;
        }
        List<DeploymentRecord> recent = store.releasesSince(
                service, request.environment(), Instant.now().minus(OWN_RELEASE_LOOKBACK));
        for (int i = recent.size() - 1; i >= 0; i--) {
            DeploymentRecord record = recent.get(i);
            if (!record.version().equals(request.version())) {
                continue;
            }
            Optional<Release> release = store.find(record.releaseId());
            if (release.isPresent() && isOwn(store, release.get(), request)) {
                return release;
            }
        }
        return Optional.empty();
    }

    private static boolean isOwn(ReleaseStore store, Release release, RolloutRequest request) {
        Optional<String> tiedTo = store.steps(release.id()).stream()
                .map(step -> step.step().details())
                .filter(details -> STEP_NOTE.equals(details.get(ReleaseEngine.EVENT)))
                .map(details -> String.valueOf(details.get("stepReleaseId")))
                .findFirst();
        if (tiedTo.isPresent()) {
            return tiedTo.get().equals(request.releaseId());
        }
        ReleaseStrategy strategy =
                request.kind() == RolloutRequest.Kind.BLUE_GREEN ? ReleaseStrategy.BLUE_GREEN : ReleaseStrategy.CANARY;
        return release.version().equals(request.version())
                && release.request().strategy() == strategy
                && request.context().buildUrl().equals(release.request().actor().ciRunUrl());
    }

    private static void tie(ReleaseStore store, UUID ledgerId, int step, RolloutRequest request) {
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put(ReleaseEngine.EVENT, STEP_NOTE);
        details.put("stepReleaseId", request.releaseId());
        details.put("build", request.context().buildId());
        details.put("buildUrl", request.context().buildUrl());
        try {
            store.recordStep(ledgerId, new NewStep(Math.max(step, 0), StepKind.NOTE, null, null, details));
        } catch (InvalidInputException e) {
            // The release ended before its first report (e.g. rolled back at once); nothing left to continue.
        }
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
        ReleaseSpec spec = specFor(request)
                .orElseThrow(() -> new InvalidInputException(
                        "releaseRollback needs the spec's traffic section: run it inside node { } with "
                                + request.specPath() + " in the workspace"));
        String environment = declared(spec, request.environment());
        String service = request.service() != null ? request.service() : spec.service();
        try (ReleaseStore store = requireStore()) {
            io.releasepilot.core.rollout.ReleaseOutcome o = ReleaseEngine.rollback(
                    store, router(spec), service, environment, actor(request.context()), request.reason());
            log.line("rolled back " + service + " in " + environment + ": " + o.reason());
            return outcome(o, null);
        }
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        return act(request, AuditAction.PAUSE, null, log);
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        return act(request, AuditAction.RESUME, null, log);
    }

    /** An audited request the running engine acts on at its next evaluation (it rolls the release back). */
    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        return act(request, AuditAction.ABORT, ReleaseState.ABORTED, log);
    }

    private ReleaseOutcome act(
            ControlRequest request, AuditAction action, @Nullable ReleaseState whileActive, ProgressLog log) {
        Optional<ReleaseSpec> spec = specFor(request);
        String service = request.service() != null
                ? request.service()
                : spec.map(ReleaseSpec::service)
                        .orElseThrow(() -> new InvalidInputException("name the service (service: 'checkout') or run "
                                + "the step inside node { } with " + request.specPath() + " in the workspace"));
        String environment = spec.isPresent() ? declared(spec.get(), request.environment()) : request.environment();
        try (ReleaseStore store = requireStore()) {
            AuditEntry entry =
                    ReleaseEngine.act(store, service, environment, action, actor(request.context()), request.reason());
            log.line(action + " recorded on release " + entry.releaseId() + " by " + entry.actor());
            Release release = store.find(entry.releaseId()).orElseThrow();
            return outcome(store, release, release.state().active() ? whileActive : null);
        }
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
        ReleaseSpec spec = readSpec(request.workspace(), request.specPath());
        try (ReleaseStore store = requireStore()) {
            Optional<Release> own = ownRelease(store, spec.service(), request);
            if (own.isEmpty()) {
                return new ReleaseOutcome(
                        request.releaseId(),
                        ReleaseState.ABORTED,
                        request.version() == null ? "(no version)" : request.version(),
                        request.environment(),
                        "The build was aborted before the release started; nothing changed.");
            }
            Release release = own.get();
            if (!release.state().active()) {
                return outcome(store, release, null);
            }
            Actor actor = actor(request.context());
            if (spec.rollback().onAbort() == AbortAction.ROLLBACK) {
                log.line("rollback.onAbort is rollback: rolling release " + release.id() + " back");
                return outcome(
                        ReleaseEngine.rollback(
                                store, router(spec), spec.service(), release.environment(), actor, reason),
                        null);
            }
            log.line("rollback.onAbort is leave: release " + release.id() + " is paused with its traffic as it is");
            String why = reason + " (rollback.onAbort: leave; traffic left as it is)";
            if (release.state() == io.releasepilot.core.state.ReleaseState.IN_PROGRESS) {
                store.pause(release.id(), actor, why);
            }
            return outcome(store, store.find(release.id()).orElseThrow(), ReleaseState.ABORTED);
        }
    }

    /**
     * Adds the finished build to the release it acted on while that release is still in progress (a NOTE with actor,
     * URL and result). A finished release is left alone: the ledger refuses writes to it, and it already carries the
     * starting build's actor and URL. Builds without a ledger release (gates) are skipped.
     */
    @Override
    public void recordBuild(BuildRecord record) {
        try (ReleaseStore store = requireStore()) {
            UUID id;
            try {
                id = record.releaseId() == null ? null : UUID.fromString(record.releaseId());
            } catch (IllegalArgumentException e) {
                return;
            }
            Optional<Release> release = id == null ? Optional.empty() : store.find(id);
            if (release.isEmpty() || !release.get().state().active()) {
                return;
            }
            Map<String, @Nullable Object> details = new LinkedHashMap<>();
            details.put(ReleaseEngine.EVENT, BUILD_NOTE);
            details.put("build", record.context().buildId());
            details.put("buildUrl", record.context().buildUrl());
            details.put("actor", record.context().actor());
            details.put("result", record.result());
            try {
                store.recordStep(
                        id, new NewStep(Math.max(release.get().currentStep(), 0), StepKind.NOTE, null, null, details));
            } catch (InvalidInputException e) {
                // It ended in between: see above.
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ glue

    private Optional<ReleaseSpec> specFor(ControlRequest request) {
        return request.workspace() == null
                ? Optional.empty()
                : Optional.of(readSpec(request.workspace(), request.specPath()));
    }

    private static String declared(ReleaseSpec spec, String environment) {
        if (spec.environment(environment).isEmpty()) {
            throw new InvalidInputException("environment '" + environment + "' is not declared in the spec (declared: "
                    + spec.environments().stream().map(e -> e.name()).toList() + ")");
        }
        return environment;
    }

    private static TrafficRouter router(ReleaseSpec spec) {
        return TrafficRouterRegistry.create(TrafficRouterSettings.from(spec.traffic()
                .orElseThrow(() -> new InvalidInputException("the spec has no traffic section: nothing to route"))));
    }

    /** The spec's metrics; the global configuration's Prometheus URL, when set, replaces the spec's. */
    private ReleaseSignals signals(ReleaseSpec spec) {
        HttpReleaseSignals fromSpec = HttpReleaseSignals.from(spec, System.getenv());
        if (settings.prometheusUrl() == null) {
            return fromSpec;
        }
        Optional<PrometheusSpec> prometheus = spec.metrics().prometheus();
        PrometheusClient client = new PrometheusClient(
                URI.create(settings.prometheusUrl()),
                prometheus.map(PrometheusSpec::timeout).orElse(Duration.ofSeconds(10)),
                prometheus.flatMap(PrometheusSpec::tokenEnv).map(System::getenv));
        return new HttpReleaseSignals(
                Optional.of(client),
                prometheus.map(PrometheusSpec::queries).orElse(Map.of()),
                spec.metrics().healthCheck());
    }

    /** The build's user, with the build's URL as the CI run. */
    private static Actor actor(ReleaseContext context) {
        return new Actor(context.actor(), context.buildUrl());
    }

    /** States map by name; SUCCEEDED is COMPLETED, FAILED (deploy or smoke check, analysis) GATE_FAILED. */
    private static ReleaseOutcome outcome(io.releasepilot.core.rollout.ReleaseOutcome o, @Nullable ReleaseState as) {
        ReleaseState state = as != null
                ? as
                : switch (o.state()) {
                    case SUCCEEDED -> ReleaseState.COMPLETED;
                    case ROLLED_BACK -> ReleaseState.ROLLED_BACK;
                    case FAILED -> ReleaseState.GATE_FAILED;
                    case ABORTED -> ReleaseState.ABORTED;
                    case PAUSED -> ReleaseState.PAUSED;
                    case IN_PROGRESS -> ReleaseState.RESUMED;
                };
        return new ReleaseOutcome(o.releaseId().toString(), state, o.version(), o.environment(), o.report());
    }

    private static ReleaseOutcome outcome(ReleaseStore store, Release release, @Nullable ReleaseState as) {
        return outcome(ReleaseEngine.outcome(store, release), as);
    }

    private static InterruptedException interrupted(InfrastructureException e) {
        InterruptedException i = new InterruptedException(e.getMessage());
        i.initCause(e);
        return i;
    }
}
