package io.releasepilot.core.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A percentage as written in the spec ({@code "2%"}, {@code "0.5%"}). {@link #value()} is in percent (2.0 for 2 %),
 * {@link #ratio()} in 0..1 terms (0.02), which is what error-rate queries return.
 */
public record Percent(double value) implements Comparable<Percent> {
    private static final Pattern TEXT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*%");

    public Percent {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("a percentage must be a finite number >= 0, got " + value);
        }
    }

    /** {@code percent} %. */
    public static Percent of(double percent) {
        return new Percent(percent);
    }

    /** The percentage as a ratio: 0.02 for 2 %. */
    public double ratio() {
        return value / 100.0;
    }

    /**
     * Parses {@code "2%"}; empty when the text is not a number followed by {@code %}. A negative number parses, so the
     * reader can say "must not be negative" rather than "not a percentage"; it is returned as its raw number.
     */
    static Optional<Double> parseNumber(String text) {
        Matcher matcher = TEXT.matcher(text.trim());
        return matcher.matches() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    }

    @Override
    public int compareTo(Percent other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Quantity.formatNumber(value) + "%";
    }
}
