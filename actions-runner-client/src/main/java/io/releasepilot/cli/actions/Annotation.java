package io.releasepilot.cli.actions;

import java.util.Objects;
import java.util.Optional;

/**
 * One workflow-command annotation ({@code ::error file=…,line=…,title=…::message}), shown on the run page and, when the
 * file is part of the diff, next to the code.
 *
 * @param level error, warning or notice
 * @param message the text; may span several lines
 * @param title a short heading, or {@code null}
 * @param file a path relative to the repository root, or {@code null}
 * @param line the first line (1-based), or {@code null}
 * @param endLine the last line, or {@code null}
 */
public record Annotation(Level level, String message, String title, String file, Integer line, Integer endLine) {

    /** The three annotation commands of the runner. */
    public enum Level {
        ERROR("error"),
        WARNING("warning"),
        NOTICE("notice");

        private final String command;

        Level(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    public Annotation {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        if (line != null && line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, got " + line);
        }
        if (endLine != null && (line == null || endLine < line)) {
            throw new IllegalArgumentException("endLine needs a line and must not precede it");
        }
    }

    public static Annotation error(String message) {
        return new Annotation(Level.ERROR, message, null, null, null, null);
    }

    public static Annotation warning(String message) {
        return new Annotation(Level.WARNING, message, null, null, null, null);
    }

    public static Annotation notice(String message) {
        return new Annotation(Level.NOTICE, message, null, null, null, null);
    }

    public Annotation withTitle(String newTitle) {
        return new Annotation(level, message, newTitle, file, line, endLine);
    }

    public Annotation at(String newFile, Integer newLine) {
        return new Annotation(level, message, title, newFile, newLine, null);
    }

    public Annotation at(String newFile, int newLine, int newEndLine) {
        return new Annotation(level, message, title, newFile, newLine, newEndLine);
    }

    public Optional<String> titleIfAny() {
        return Optional.ofNullable(title);
    }
}
