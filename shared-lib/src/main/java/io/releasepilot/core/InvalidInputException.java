package io.releasepilot.core;

/** Bad input from the user: a spec, a flag, a report file. The message says what, where and how to fix it. */
public class InvalidInputException extends ReleasePilotException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
