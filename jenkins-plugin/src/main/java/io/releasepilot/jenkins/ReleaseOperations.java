package io.releasepilot.jenkins;

/**
 * The seam between the Jenkins glue and the Release Pilot core: every decision is behind it. Steps translate Jenkins
 * context (run, listener, workspace) into these calls and map the answer to a build result once ({@link
 * ResultMapping}); they decide nothing themselves.
 *
 * <p>Implementations block until the operation is over (a canary can take hours): the steps call them on {@link
 * StepWorkers} threads, never on the Pipeline thread. They throw {@code io.releasepilot.core.InvalidInputException}
 * for the user's mistakes and {@code InfrastructureException} for unreachable services; the steps turn both into a
 * failed step with the message and no stack trace. An interrupt means the build was aborted: stop waiting and return
 * or throw {@link InterruptedException}; {@link #stopForBuildAbort} follows.
 *
 * <p>The production implementation is {@link CoreReleaseOperations}.
 */
public interface ReleaseOperations {

    /** Evaluates the spec's gate objectives on the workspace reports and metrics. */
    GateOutcome gate(GateRequest request, ProgressLog log) throws InterruptedException;

    /** Runs a canary release to the end: promoted, rolled back, or gate failed. Idempotent on the release id. */
    ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException;

    /** Runs a blue-green cutover to the end of its watch window. Idempotent on the release id. */
    ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException;

    /**
     * Continues a release after a controller restart, from the state the ledger holds for it, to the same end as
     * {@link #canary} or {@link #blueGreen}; returns at once when it already ended, and starts it when the restart
     * came before it started. {@code request} is rebuilt from what the step persisted (release id, spec path,
     * environment, version, kind) and the build's workspace.
     */
    ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) throws InterruptedException;

    /** Rolls the environment's current release back to the stable version. */
    ReleaseOutcome rollback(ControlRequest request, ProgressLog log) throws InterruptedException;

    /**
     * Asks the environment's running release to skip its remaining analysis and send all traffic to the new version
     * (audited); the engine running it acts at its next evaluation, and its own step reports how it ends.
     */
    ReleaseOutcome promote(ControlRequest request, ProgressLog log);

    ReleaseOutcome pause(ControlRequest request, ProgressLog log);

    ReleaseOutcome resume(ControlRequest request, ProgressLog log);

    /** Aborts the environment's current release; traffic goes where the spec's {@code rollback.onAbort} says. */
    ReleaseOutcome abort(ControlRequest request, ProgressLog log);

    /**
     * The build running a release was aborted: stop it cleanly and roll back when the spec's {@code rollback.onAbort}
     * says so. Called once per aborted step, after the worker thread was interrupted.
     */
    ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log);

    /** Records a finished build (actor, URL, result) as release context in the ledger. */
    void recordBuild(BuildRecord record);
}
