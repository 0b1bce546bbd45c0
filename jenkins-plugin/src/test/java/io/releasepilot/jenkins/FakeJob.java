package io.releasepilot.jenkins;

import hudson.model.Job;
import java.util.SortedMap;
import java.util.TreeMap;

/** The job a {@link FakeRun} belongs to. */
final class FakeJob extends Job<FakeJob, FakeRun> {
    FakeJob() {
        super(null, "checkout-deploy");
    }

    @Override
    public boolean isBuildable() {
        return true;
    }

    @Override
    protected SortedMap<Integer, ? extends FakeRun> _getRuns() {
        return new TreeMap<>();
    }

    @Override
    protected void removeRun(FakeRun run) {}
}
