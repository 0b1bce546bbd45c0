package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Validation of what goes into the ledger. Service and environment names appear in subjects, locks and messages, so
 * they are bounded and free of control characters; other text is kept as given, except NUL, which Postgres cannot
 * store.
 */
public final class LedgerInput {
    /** Longest service or environment name. */
    public static final int MAX_NAME = 200;
    /** Longest version, commit sha, actor, spec hash. */
    public static final int MAX_SHORT_TEXT = 1_000;
    /** Longest reason, comment, CI run URL. */
    public static final int MAX_LONG_TEXT = 65_536;

    private LedgerInput() {}

    /** A service or environment name: 1-200 characters, not blank, no control characters. */
    public static String name(String field, @Nullable String value) {
        if (value == null) {
            throw new InvalidInputException(field + " is missing");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field + " must not be blank");
        }
        if (value.length() > MAX_NAME) {
            throw new InvalidInputException(
                    field + " is " + value.length() + " characters long; the limit is " + MAX_NAME);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidInputException(field + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at position " + i + "; names must be printable");
            }
        }
        return value;
    }

    /** Required text of at most {@code max} characters, without NUL. */
    public static String text(String field, @Nullable String value, int max) {
        if (value == null) {
            throw new InvalidInputException(field + " is missing");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException(field + " must not be empty");
        }
        checkStorable(field, value, max);
        return value;
    }

    /** Optional text of at most {@code max} characters, without NUL. */
    public static @Nullable String optionalText(String field, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        checkStorable(field, value, max);
        return value;
    }

    private static void checkStorable(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(field + " is " + value.length() + " characters long; the limit is " + max);
        }
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidInputException(
                    field + " contains a NUL character at position " + nul + "; Postgres cannot store it");
        }
    }
}
