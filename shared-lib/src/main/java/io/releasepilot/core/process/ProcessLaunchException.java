package io.releasepilot.core.process;

import io.releasepilot.core.InfrastructureException;

/** A program could not be started, or its wait was interrupted (its process tree is stopped by then). */
public class ProcessLaunchException extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    public ProcessLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
