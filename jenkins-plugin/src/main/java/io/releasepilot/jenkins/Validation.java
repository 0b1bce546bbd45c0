package io.releasepilot.jenkins;

import hudson.util.FormValidation;
import java.util.Objects;

/** The outcome of a pure form check; {@link #toFormValidation} is the only bridge to Jenkins' type. */
record Validation(Kind kind, String message) {
    enum Kind {
        OK,
        WARNING,
        ERROR
    }

    Validation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Validation ok() {
        return new Validation(Kind.OK, "");
    }

    static Validation warning(String message) {
        return new Validation(Kind.WARNING, message);
    }

    static Validation error(String message) {
        return new Validation(Kind.ERROR, message);
    }

    FormValidation toFormValidation() {
        return switch (kind) {
            case OK -> message.isEmpty() ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }
}
