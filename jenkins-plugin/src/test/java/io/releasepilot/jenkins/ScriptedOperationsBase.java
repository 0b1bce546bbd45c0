package io.releasepilot.jenkins;

/** Operations that support nothing; a test overrides the one it exercises. */
abstract class ScriptedOperationsBase implements ReleaseOperations {
    @Override
    public GateOutcome gate(GateRequest request, ProgressLog log) throws InterruptedException {
        throw new UnsupportedOperationException("gate");
    }

    @Override
    public ReleaseOutcome canary(RolloutRequest request, ProgressLog log) throws InterruptedException {
        throw new UnsupportedOperationException("canary");
    }

    @Override
    public ReleaseOutcome blueGreen(RolloutRequest request, ProgressLog log) throws InterruptedException {
        throw new UnsupportedOperationException("blueGreen");
    }

    @Override
    public ReleaseOutcome continueRelease(RolloutRequest request, ProgressLog log) throws InterruptedException {
        throw new UnsupportedOperationException("continueRelease");
    }

    @Override
    public ReleaseOutcome rollback(ControlRequest request, ProgressLog log) throws InterruptedException {
        throw new UnsupportedOperationException("rollback");
    }

    @Override
    public ReleaseOutcome promote(ControlRequest request, ProgressLog log) {
        throw new UnsupportedOperationException("promote");
    }

    @Override
    public ReleaseOutcome pause(ControlRequest request, ProgressLog log) {
        throw new UnsupportedOperationException("pause");
    }

    @Override
    public ReleaseOutcome resume(ControlRequest request, ProgressLog log) {
        throw new UnsupportedOperationException("resume");
    }

    @Override
    public ReleaseOutcome abort(ControlRequest request, ProgressLog log) {
        throw new UnsupportedOperationException("abort");
    }

    @Override
    public ReleaseOutcome stopForBuildAbort(RolloutRequest request, String reason, ProgressLog log) {
        throw new UnsupportedOperationException("stopForBuildAbort");
    }

    @Override
    public void recordBuild(BuildRecord record) {
        throw new UnsupportedOperationException("recordBuild");
    }
}
