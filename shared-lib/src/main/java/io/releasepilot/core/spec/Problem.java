package io.releasepilot.core.spec;

/**
 * One thing wrong with a spec, where it is and how to fix it. Renders as {@code file:line:column: path: message (hint)};
 * line and column are 1-based, 0 when the problem concerns the file as a whole (it cannot be read, for example).
 *
 * @param path the dotted path of the offending node ({@code strategy.canary.steps[1].weight}), empty for the root
 * @param hint how to fix it, empty when the message says it all
 */
public record Problem(String file, int line, int column, String path, String message, String hint) {
    public Problem {
        if (file == null || path == null || message == null || hint == null) {
            throw new IllegalArgumentException("a problem needs a file, path, message and hint (may be empty)");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are >= 0, got " + line + ":" + column);
        }
    }

    /** {@code file:line:column: path: message (hint)}. */
    public String render() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(message);
        if (!hint.isEmpty()) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
