package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Preconditions for the spec records. The reader reports friendly problems first; these are the last line of defence
 * for code that builds records by hand.
 */
final class Require {
    private Require() {}

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static <T> List<T> list(List<T> value, String what) {
        return List.copyOf(present(value, what));
    }

    static <K, V> Map<K, V> map(Map<K, V> value, String what) {
        return Map.copyOf(present(value, what));
    }

    static <T> Optional<T> optional(Optional<T> value, String what) {
        return present(value, what);
    }

    static Duration positive(Duration value, String what) {
        if (present(value, what).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + DurationText.format(value));
        }
        return value;
    }

    static Duration nonNegative(Duration value, String what) {
        if (present(value, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + DurationText.format(value));
        }
        return value;
    }

    static double range(double value, double min, double max, String what) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    static int status(int value, String what) {
        return (int) range(value, 100, 599, what);
    }
}
