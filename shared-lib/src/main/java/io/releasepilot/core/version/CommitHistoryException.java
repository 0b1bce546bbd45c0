package io.releasepilot.core.version;

import io.releasepilot.core.InfrastructureException;

/** Reading or writing the Git repository failed for a reason that is not the user's input (I/O, corruption). */
public class CommitHistoryException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public CommitHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
