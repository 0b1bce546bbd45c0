package io.releasepilot.core;

/**
 * Root of every exception Release Pilot throws on purpose. Hosts map the two subfamilies to exit codes once:
 * {@link InvalidInputException} is the user's to fix (exit 2), {@link InfrastructureException} is a service that
 * could not be reached or failed (exit 3).
 */
public abstract class ReleasePilotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ReleasePilotException(String message) {
        super(message);
    }

    protected ReleasePilotException(String message, Throwable cause) {
        super(message, cause);
    }
}
