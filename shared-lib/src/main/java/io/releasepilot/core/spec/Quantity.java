package io.releasepilot.core.spec;

import io.releasepilot.core.release.Unit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A threshold as written in the spec: a percentage ({@code 2%}), a duration ({@code 1000ms}) or a plain number
 * ({@code 3}). {@link #asNumber()} is the value in the units the named queries return ({@link Unit#toQueryUnits}): a
 * ratio for percentages (error-rate queries return 0..1), milliseconds for durations (latency queries return ms), the
 * number itself otherwise.
 *
 * @param value the number as written: in percent for {@link Unit#PERCENT}, in milliseconds for a duration
 * @param unit the unit it was written in, which reports use to show values and thresholds as the user wrote them
 */
public record Quantity(double value, Unit unit) {
    public Quantity {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a threshold must be a finite number, got " + value);
        }
        if (unit == null) {
            throw new IllegalArgumentException("a threshold needs a unit");
        }
    }

    public static Quantity percent(double percent) {
        return new Quantity(percent, Unit.PERCENT);
    }

    public static Quantity millis(double millis) {
        return new Quantity(millis, Unit.MILLISECONDS);
    }

    public static Quantity number(double number) {
        return new Quantity(number, Unit.NUMBER);
    }

    /** The value in query units: a ratio for percentages, milliseconds for durations, else the number. */
    public double asNumber() {
        return unit.toQueryUnits(value);
    }

    /** Parses {@code 2%}, {@code 1000ms}, {@code 2s} or {@code 3}; empty when the text is none of them. */
    public static Optional<Quantity> parse(String text) {
        String trimmed = text.trim();
        Optional<Double> percent = Percent.parseNumber(trimmed);
        if (percent.isPresent()) {
            return Optional.of(percent(percent.get()));
        }
        try {
            double number = Double.parseDouble(trimmed);
            if (Double.isFinite(number) && trimmed.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                return Optional.of(number(number));
            }
        } catch (NumberFormatException notANumber) {
            // fall through: maybe a duration
        }
        Optional<Duration> duration = DurationText.parse(trimmed);
        return duration.map(d -> millis(d.toMillis()));
    }

    static String formatNumber(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return formatNumber(value) + unit.suffix();
    }
}
