package io.releasepilot.jenkins.hpi;

import hudson.model.Run;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.jenkins.BuildRecord;
import io.releasepilot.jenkins.ControlRequest;
import io.releasepilot.jenkins.GateOutcome;
import io.releasepilot.jenkins.GateRequest;
import io.releasepilot.jenkins.ProgressLog;
import io.releasepilot.jenkins.ReleaseOperations;
import io.releasepilot.jenkins.ReleaseOperationsFactory;
import io.releasepilot.jenkins.ReleaseOutcome;
import io.releasepilot.jenkins.ReleaseState;
import io.releasepilot.jenkins.RolloutRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Scripted operations for JenkinsRule tests until the core-backed ones are bound (TODO(lead): switch these tests to
 * CoreReleaseOperations on real Postgres/HAProxy). Static, so state survives a JenkinsSessionExtension restart.
 */
final class ScriptedOperations implements ReleaseOperations {
    static volatile Verdict verdict = Verdict.PASS;
    static volatile ReleaseState rolloutState = ReleaseState.COMPLETED;
    static volatile CountDownLatch hold = new CountDownLatch(0);
    static final CountDownLatch entered = new CountDownLatch(1);
    static final List<String> calls = new CopyOnWriteArrayList<>();

    static void reset() {
        verdict = Verdict.PASS;
        rolloutState = ReleaseState.COMPLETED;
        hold = new CountDownLatch(0);
        calls.clear();
    }

    /** Registered by each test class with {@code @TestExtension}. */
    static class Factory implements ReleaseOperationsFactory {
        @Override
        public ReleaseOperations create(Run<?, ?> run) {
            return new ScriptedOperations();
        }
    }

    @Override
    public GateOutcome gate(GateRequest request, ProgressLog log) {
        calls.add("gate " + request.specPath());
        return new GateOutcome(verdict, "1.4.0", "staging", "| tests | <b>0</b> failed |");
    }

    @Override
    public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout("canary", request, log);
    }

    @Override
    public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException {
        return rollout("blueGreen", request, log);
    }

    private static ReleaseOutcome rollout(String kind, RolloutRequest r, ProgressLog log) throws InterruptedException {
        calls.add(kind + " " + r.releaseId());
        entered.countDown();
        log.line("step 1/4 at 5 %");
        hold.await();
        return outcome(r.releaseId(), rolloutState, r.environment());
    }

    @Override
    public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) {
        calls.add("continue " + request.releaseId());
        return outcome(request.releaseId(), rolloutState, request.environment());
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) {
        calls.add("rollback " + request.environment());
        return outcome("r", ReleaseState.ROLLED_BACK, request.environment());
    }

    @Override
    public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
        calls.add("promote " + request.environment());
        return outcome("r", ReleaseState.PROMOTED, request.environment());
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        calls.add("pause " + request.environment());
        return outcome("r", ReleaseState.PAUSED, request.environment());
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        calls.add("resume " + request.environment());
        return outcome("r", ReleaseState.RESUMED, request.environment());
    }

    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        calls.add("abort " + request.environment());
        return outcome("r", ReleaseState.ABORTED, request.environment());
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
        calls.add("stop " + request.releaseId());
        return outcome(request.releaseId(), ReleaseState.ROLLED_BACK, request.environment());
    }

    @Override
    public void recordBuild(BuildRecord record) {
        calls.add("record " + record.context().buildId() + " " + record.result());
    }

    private static ReleaseOutcome outcome(String id, ReleaseState state, String env) {
        return new ReleaseOutcome(id, state, "1.4.0", env, "| step | weight |\n| 1 | 5 % |");
    }
}
