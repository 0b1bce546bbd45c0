package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The wording problems share: what was expected, the closest known name, which comparators a field takes, and masking
 * of possible secrets.
 */
final class Hints {
    private Hints() {}

    /** {@code did you mean 'x'?} for the closest name within a small edit distance, else empty. */
    static String suggestion(String given, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = EditDistance.between(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? "did you mean '" + best + "'?" : "";
    }

    static String expected(String what, YamlNode got) {
        return "expected " + what + ", got " + got.describe();
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }

    /** Whatever was written where a name belongs may be the secret itself: never echo it whole. */
    static String mask(String value) {
        return value.length() <= 4 ? value : value.substring(0, 2) + "…" + "(" + value.length() + " characters)";
    }

    /** {@code comparator '==' does not apply to a metric threshold}. */
    static String refused(Comparator comparator, String what) {
        return "comparator '" + comparator.symbol() + "' does not apply to " + what;
    }

    /** {@code a metric threshold takes <, <=, > or >=}, with an example when one is given. */
    static String takes(Set<Comparator> accepted, String what, String example) {
        return what + " takes " + symbols(accepted) + (example.isEmpty() ? "" : ", e.g. \"" + example + "\"");
    }

    /** {@code <, <=, > or >=}. */
    static String symbols(Set<Comparator> comparators) {
        List<String> symbols = comparators.stream().map(Comparator::symbol).collect(Collectors.toList());
        if (symbols.size() < 2) {
            return String.join("", symbols);
        }
        return String.join(", ", symbols.subList(0, symbols.size() - 1)) + " or " + symbols.get(symbols.size() - 1);
    }
}
