package io.releasepilot.core.release;

import java.util.Locale;

/**
 * The unit a threshold was written in, and so the unit a person reads the measured value in. Comparisons happen in
 * query units: a ratio (0..1) for a percentage, since error-rate queries return 0..1; milliseconds for a duration,
 * since latency queries return milliseconds; the number itself otherwise. Reports convert back with {@link #format},
 * so a criterion written {@code < 1%} reads {@code < 1%}, not {@code < 0.01}.
 */
public enum Unit {
    /** Written in percent; compared as a ratio. */
    PERCENT("%"),
    /** Written as a duration; compared in milliseconds. */
    MILLISECONDS("ms"),
    /** A plain number. */
    NUMBER("");

    private final String suffix;

    Unit(String suffix) {
        this.suffix = suffix;
    }

    /** What follows the number when written in this unit: {@code %}, {@code ms} or nothing. */
    public String suffix() {
        return suffix;
    }

    /** A number written in this unit, in query units: 1 (%) is 0.01, 400 (ms) is 400. */
    public double toQueryUnits(double written) {
        return this == PERCENT ? written / 100.0 : written;
    }

    /** A value in query units as written in this unit: 0.01 is {@code 1%}, 400 is {@code 400ms}. */
    public String format(double queryValue) {
        if (!Double.isFinite(queryValue)) {
            return Double.toString(queryValue);
        }
        return number(this == PERCENT ? queryValue * 100.0 : queryValue) + suffix;
    }

    /** Numbers as people read them: integers without a fraction, others with up to 4 decimals. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
