package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements Comparable<RunT> {
    protected Run(@NonNull JobT job, long timestamp) {}

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("compile-only");
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("compile-only");
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("compile-only");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("compile-only");
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public final @NonNull String getSearchUrl() {
        throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException("compile-only");
    }
}
