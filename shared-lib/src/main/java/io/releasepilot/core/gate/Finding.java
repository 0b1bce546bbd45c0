package io.releasepilot.core.gate;

import io.releasepilot.core.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing a report points at in the code: a failing test case, a SARIF result. The CI adapters turn findings into
 * annotations next to the code ({@code ::error file=…,line=…::} on GitHub); the verdict never depends on them.
 *
 * @param file path of the file, relative to the repository root when the report says so; a guess for JUnit reports
 *     without a {@code file} attribute (see {@code JunitGateSource})
 * @param line 1-based line, or {@code null} when the report has none
 * @param title a short heading (test name, rule id)
 * @param message what went wrong
 * @param level how serious it is
 */
public record Finding(String file, @Nullable Integer line, String title, String message, Level level) {

    /** Severity of a finding, in the terms every CI annotation API knows. */
    public enum Level {
        ERROR,
        WARNING,
        NOTICE
    }

    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(level, "level");
        if (line != null && line < 1) {
            throw new InvalidInputException("a finding's line must be 1 or more, got " + line);
        }
    }

    /** The line, if the report gave one. */
    public Optional<Integer> lineIfAny() {
        return Optional.ofNullable(line);
    }
}
