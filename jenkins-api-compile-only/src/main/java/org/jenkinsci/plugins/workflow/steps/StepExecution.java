package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution(@NonNull StepContext context) {}

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("compile-only");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only");
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("compile-only");
    }
}
