package io.releasepilot.jenkins;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Scripted operations for the unit tests of the step glue (results, badges, threads): returns scripted outcomes and
 * records every call. {@code JenkinsStepsIT} runs the same steps through the core on real Postgres and HAProxy.
 */
final class ScriptedReleaseOperations implements ReleaseOperations {
    final List<Object> calls = new CopyOnWriteArrayList<>();
    volatile GateOutcome gate;
    volatile ReleaseState rolloutState = ReleaseState.COMPLETED;
    volatile ReleaseState controlState;
    volatile boolean blockRollouts;
    final CountDownLatch rolloutEntered = new CountDownLatch(1);
    volatile boolean rolloutInterrupted;

    @Override
    public GateOutcome gate(GateRequest request, ProgressLog log) {
        calls.add(request);
        log.line("evaluated " + request.specPath());
        return gate;
    }

    @Override
    public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout(request, log);
    }

    @Override
    public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout(request, log);
    }

    private ReleaseOutcome rollout(RolloutRequest request, ProgressLog log) throws InterruptedException {
        calls.add(request);
        rolloutEntered.countDown();
        if (blockRollouts) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                rolloutInterrupted = true;
                throw e;
            }
        }
        log.line("step 1/4 at 5 %");
        return outcome(request.releaseId(), rolloutState, request.environment());
    }

    @Override
    public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) {
        calls.add("continue " + request.releaseId());
        calls.add(request);
        return outcome(request.releaseId(), rolloutState, request.environment());
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
        return control("rollback", request);
    }

    @Override
    public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
        return control("promote", request);
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        return control("pause", request);
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        return control("resume", request);
    }

    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        return control("abort", request);
    }

    private ReleaseOutcome control(String op, ControlRequest request) {
        calls.add(op);
        calls.add(request);
        return outcome("r-1", controlState, request.environment());
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
        calls.add("stop " + request.releaseId() + ": " + reason);
        return outcome(request.releaseId(), ReleaseState.ROLLED_BACK, request.environment());
    }

    @Override
    public void recordBuild(BuildRecord record) {
        calls.add(record);
    }

    static ReleaseOutcome outcome(String id, ReleaseState state, String environment) {
        return new ReleaseOutcome(id, state, "1.4.0", environment, "| objective | value |\n| <b>x</b> | 1 |");
    }
}
