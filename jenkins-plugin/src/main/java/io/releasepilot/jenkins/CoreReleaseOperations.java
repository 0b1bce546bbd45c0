package io.releasepilot.jenkins;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.GatePlan;
import io.releasepilot.core.gate.GateRecorder;
import io.releasepilot.core.gate.ObjectiveResult;
import io.releasepilot.core.gate.ReportFiles;
import io.releasepilot.core.gate.regression.LedgerBaselineSource;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReleaseOperations} backed by the Release Pilot core (shared-lib), bundled in the plugin.
 *
 * <p>TODO(lead): bind each method to the core once gates, ledger and rollout engine are merged. The seam is {@link
 * #core}: build the core's services from {@link #settings} (database URL/user/password → the Postgres ledger, NATS URL
 * and token → the event publisher, Prometheus URL → metrics; an absent database URL means the spec's
 * state.database), read the spec from {@code request.workspace().resolve(request.specPath())}, and map the core's
 * results onto {@link GateOutcome}/{@link ReleaseOutcome} (verdicts and states map by name). Everything else —
 * threads, interrupts, build results, badges, summaries — is done by the steps already.
 */
final class CoreReleaseOperations implements ReleaseOperations {
    private final ConnectionSettings settings;

    CoreReleaseOperations(ConnectionSettings settings) {
        this.settings = settings;
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
                    Verdict.valueOf(run.verdict().verdict().name()),
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
                StateStoreConfig.server(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())));
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
    public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) {
        throw core("canary");
    }

    @Override
    public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) {
        throw core("blue-green cutover");
    }

    @Override
    public ReleaseOutcome continueRelease(String releaseId, ProgressLog log) {
        throw core("continue release " + releaseId);
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
        throw core("rollback");
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        throw core("pause");
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        throw core("resume");
    }

    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        throw core("abort");
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(String releaseId, String reason, ProgressLog log) {
        throw core("stop release " + releaseId);
    }

    @Override
    public void recordBuild(BuildRecord record) {
        throw core("record build " + record.context().buildId());
    }

    /** TODO(lead): the seam to the core; see the class comment. */
    private InfrastructureException core(String operation) {
        return new InfrastructureException("Release Pilot core is not bound into the Jenkins plugin yet (" + operation
                + "; database " + (settings.databaseUrl() == null ? "from the spec" : settings.databaseUrl()) + ")");
    }
}
