package io.releasepilot.jenkins;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.application.GateCheck;
import io.releasepilot.core.application.HostRun;
import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.ManualRollback;
import io.releasepilot.core.application.OperatorAction;
import io.releasepilot.core.application.ReleaseNote;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.application.Rollout;
import io.releasepilot.core.gate.ObjectiveResult;
import io.releasepilot.core.gate.ReportFiles;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.http.HttpReleaseSignals;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReleaseOperations} backed by the Release Pilot core (shared-lib), bundled in the plugin. Glue only: the spec
 * is read from the workspace, the ledger and Prometheus come from the global configuration, the build becomes the
 * actor and the {@link HostRun}; every use case is the core's ({@code io.releasepilot.core.application}), and its
 * results map onto {@link GateOutcome}/{@link ReleaseOutcome} here.
 *
 * <p>It runs in the JVM of the agent that holds the build's workspace: the steps send it there inside an {@link
 * AgentTask}, so the spec's hooks and router commands, NGINX test/reload and the calls to load balancers and Prometheus
 * start on the agent, never on the controller. Every path it takes is confined to the workspace ({@link
 * WorkspacePaths}).
 *
 * <p>The step's own release id (chosen before any work, persisted with the program state) and the ledger's release
 * are tied by a NOTE ({@value #STEP_NOTE}) the core records with the first progress report; the ledger's id is what
 * the outcome (and the badge) carry.
 */
final class CoreReleaseOperations implements ReleaseOperations, Serializable {
    private static final long serialVersionUID = 1L;

    /** Ledger NOTE event tying a ledger release to the Jenkins step that runs it. */
    static final String STEP_NOTE = "jenkins-step";
    /** Ledger NOTE event recording a finished build on a release still in progress. */
    static final String BUILD_NOTE = "jenkins-build";

    private final ConnectionSettings settings;
    private final @Nullable String schema;
    private final Map<String, String> buildVariables;

    /** With the ledger's tables in {@code schema} (tests isolate themselves this way); null for the default. */
    CoreReleaseOperations(ConnectionSettings settings, @Nullable String schema) {
        this(settings, schema, Map.of());
    }

    /**
     * @param buildVariables the build's environment as the step saw it (what {@code withCredentials} bound): where the
     *     secrets the spec names by variable (e.g. {@code metrics.prometheus.tokenEnv}) come from; never the
     *     controller's or the agent's process environment
     */
    CoreReleaseOperations(ConnectionSettings settings, @Nullable String schema, Map<String, String> buildVariables) {
        this.settings = settings;
        this.schema = schema;
        this.buildVariables = new HashMap<>(buildVariables);
    }

    @Override
    public GateOutcome gate(GateRequest request, ProgressLog log) {
        ReleaseSpec spec = readSpec(request.workspace(), request.specPath()).spec();
        List<Path> files = new ArrayList<>();
        for (String glob : request.reports()) {
            for (Path file : ReportFiles.expand(request.workspace(), WorkspacePaths.relative(glob, "report glob"))) {
                WorkspacePaths.checkInside(request.workspace(), file, "report " + file.getFileName());
                files.add(file);
            }
        }
        Optional<GateCheck.Bypass> bypass = request.bypass()
                ? Optional.of(new GateCheck.Bypass(
                        actor(request.context()), request.reason() == null ? "" : request.reason()))
                : Optional.empty();
        GateCheck.Result result = GateCheck.of(spec, request.environment(), ports())
                .run(new GateCheck.Inputs(ReportFiles.classify(files), "", bypass));
        for (ObjectiveResult r : result.verdict().results()) {
            log.line("  " + r.verdict() + "  " + r.objective().name() + ": " + r.explanation());
        }
        result.bypass()
                .ifPresent(d -> log.line((d.granted() ? "bypass granted: " : "bypass refused: ") + d.explanation()));
        return new GateOutcome(
                result.verdict().verdict(),
                spec.service(),
                request.environment() == null ? "(no environment)" : request.environment(),
                result.run().report().toMarkdown(),
                result.bypassed() ? result.bypass().orElseThrow().explanation() : null);
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

    /** Starts the step's release, or continues it (a finished one is only reported): see {@link Rollout#runFor}. */
    private ReleaseOutcome rollout(RolloutRequest request, ProgressLog log) throws InterruptedException {
        SpecFile spec = readSpec(request.workspace(), request.specPath());
        String version = Texts.trimToNull(request.version());
        try (ReleaseSession session = ReleaseSession.open(spec, request.environment(), ports())) {
            if (version == null) {
                throw new InvalidInputException("name the version to release, e.g. version: \"${env.TAG_NAME}\"");
            }
            Rollout.Request core = new Rollout.Request(version, actor(request.context()), null, false);
            return outcome(new Rollout(session).runFor(run(request), strategy(request), core, log::line), null);
        } catch (InfrastructureException e) {
            if (Thread.currentThread().isInterrupted()) {
                InterruptedException interrupted = new InterruptedException(e.getMessage());
                interrupted.initCause(e);
                throw interrupted;
            }
            throw e;
        }
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
        SpecFile spec = specFor(request)
                .orElseThrow(() -> new InvalidInputException(
                        "releaseRollback needs the spec's traffic section: run it inside node { } with "
                                + request.specPath() + " in the workspace"));
        try (ReleaseSession session = ReleaseSession.open(spec, request.service(), request.environment(), ports())) {
            ManualRollback.RolledBack done =
                    new ManualRollback(session).perform(actor(request.context()), request.reason());
            log.line("rolled back " + session.service() + " in " + session.environment() + ": "
                    + done.outcome().reason());
            return outcome(done.outcome(), null);
        }
    }

    @Override
    public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
        return act(request, OperatorAction.Operation.PROMOTE, ReleaseState.PROMOTED, log);
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        return act(request, OperatorAction.Operation.PAUSE, null, log);
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        return act(request, OperatorAction.Operation.RESUME, null, log);
    }

    /** An audited request the running engine acts on at its next evaluation (it rolls the release back). */
    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        return act(request, OperatorAction.Operation.ABORT, ReleaseState.ABORTED, log);
    }

    private ReleaseOutcome act(
            ControlRequest request,
            OperatorAction.Operation operation,
            @Nullable ReleaseState whileActive,
            ProgressLog log) {
        Optional<SpecFile> spec = specFor(request);
        if (request.service() == null && spec.isEmpty()) {
            throw new InvalidInputException("name the service (service: 'checkout') or run the step inside node { }"
                    + " with " + request.specPath() + " in the workspace");
        }
        try (ReleaseSession session =
                ReleaseSession.open(spec.orElse(null), request.service(), request.environment(), ports())) {
            OperatorAction.Acted acted =
                    new OperatorAction(session).perform(operation, actor(request.context()), request.reason());
            log.line(acted.entry().action() + " recorded on release "
                    + acted.entry().releaseId() + " by " + acted.entry().actor());
            return outcome(
                    session.outcome(acted.release()), acted.release().state().active() ? whileActive : null);
        }
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
        SpecFile spec = readSpec(request.workspace(), request.specPath());
        try (ReleaseSession session = ReleaseSession.open(spec, request.environment(), ports())) {
            Rollout.Stopped stopped = new Rollout(session)
                    .stopFor(
                            run(request),
                            strategy(request),
                            request.version(),
                            actor(request.context()),
                            reason,
                            log::line);
            return switch (stopped.stop()) {
                case NOT_STARTED ->
                    new ReleaseOutcome(
                            request.releaseId(),
                            ReleaseState.ABORTED,
                            request.version() == null ? "(no version)" : request.version(),
                            request.environment(),
                            "The build was aborted before the release started; nothing changed.");
                case ALREADY_ENDED, ROLLED_BACK -> outcome(stopped.outcome().orElseThrow(), null);
                case LEFT -> outcome(stopped.outcome().orElseThrow(), ReleaseState.ABORTED);
            };
        }
    }

    /** Adds the finished build to the release it acted on while that release is still in progress. */
    @Override
    public void recordBuild(BuildRecord record) {
        new ReleaseNote(ledger())
                .addIfActive(
                        record.releaseId(),
                        new StepDetail.HostNote(
                                BUILD_NOTE,
                                record.context().buildId(),
                                record.context().buildUrl(),
                                null,
                                record.context().actor(),
                                record.result()));
    }

    // ------------------------------------------------------------------------------------------------ glue

    /**
     * The ledger of the global configuration. Never an embedded Postgres inside the controller: it would live in
     * whatever directory Jenkins runs in and vanish with an agent-less restart of the container.
     */
    private Ledger ledger() {
        if (settings.databaseUrl() == null) {
            return Ledger.none("no release ledger is configured: set the database URL (and its credentials) in Manage"
                    + " Jenkins → System → Release Pilot, or with JCasC unclassified.releasePilot.databaseUrl");
        }
        return Ledger.postgres(
                StateStoreConfig.server(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())
                        .withSchema(schema));
    }

    /**
     * The ledger and the spec's metrics, the global configuration's Prometheus URL replacing the spec's when it is set.
     * Secrets the spec names by variable come from the build's bound variables only (Jenkins Credentials through
     * {@code withCredentials}), never from a process environment.
     */
    private ReleasePorts ports() {
        Map<String, String> env = Map.copyOf(buildVariables);
        ReleasePorts ports = ReleasePorts.standard(ledger(), env);
        return settings.prometheusUrl() == null
                ? ports.withSignals(spec -> HttpReleaseSignals.from(spec, env))
                : ports.withPrometheus(URI.create(settings.prometheusUrl()), env);
    }

    /** The spec and the hash of the bytes it was read from, which the ledger records with the releases it starts. */
    private static SpecFile readSpec(Path workspace, String specPath) {
        Path file = WorkspacePaths.resolve(workspace, specPath, "spec path");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no spec at " + specPath + " in the workspace; check out the repository "
                    + "first or pass spec: 'path/to/release-pilot.yml'");
        }
        return SpecReader.readFile(file).value();
    }

    private Optional<SpecFile> specFor(ControlRequest request) {
        return request.workspace() == null
                ? Optional.empty()
                : Optional.of(readSpec(request.workspace(), request.specPath()));
    }

    /** The step as the core's host run: its own release id, and the build it runs in. */
    private static HostRun run(RolloutRequest request) {
        return new HostRun(
                STEP_NOTE,
                request.releaseId(),
                request.context().buildUrl(),
                request.context().buildId());
    }

    private static ReleaseStrategy strategy(RolloutRequest request) {
        return request.kind() == RolloutRequest.Kind.BLUE_GREEN ? ReleaseStrategy.BLUE_GREEN : ReleaseStrategy.CANARY;
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
}
