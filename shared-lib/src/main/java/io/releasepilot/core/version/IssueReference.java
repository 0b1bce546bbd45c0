package io.releasepilot.core.version;

/**
 * An issue referenced by a commit ({@code Closes #34}, {@code Refs #12}, or {@code #12} in the subject).
 *
 * @param action the verb before the reference, lower-case ({@code closes}), or empty when there is none
 * @param number the issue number
 */
public record IssueReference(String action, int number) {
    public IssueReference {
        if (number <= 0) {
            throw new IllegalArgumentException("issue numbers are positive: " + number);
        }
        action = action.toLowerCase(java.util.Locale.ROOT);
    }
}
