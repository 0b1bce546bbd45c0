package io.releasepilot.jenkins;

import io.releasepilot.core.InfrastructureException;

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
        throw core("gate");
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
