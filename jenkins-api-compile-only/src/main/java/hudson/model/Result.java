package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = new Result();
    public static final @NonNull Result UNSTABLE = new Result();
    public static final @NonNull Result FAILURE = new Result();
    public static final @NonNull Result NOT_BUILT = new Result();
    public static final @NonNull Result ABORTED = new Result();

    private Result() {}

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only");
    }

    @Override
    public @NonNull String toString() {
        throw new UnsupportedOperationException("compile-only");
    }
}
