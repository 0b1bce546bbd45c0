package io.releasepilot.core.release;

import io.releasepilot.core.InvalidInputException;
import java.util.Optional;

/**
 * How a measured value is compared with a threshold: {@code value <comparator> threshold}. The one comparator of
 * gate objectives, canary step criteria and rollback triggers.
 *
 * <p>Semantics: NaN (no data) never satisfies a comparison, so a value that was not measured can never PASS an
 * objective nor fire a trigger. {@code ==} is numeric equality ({@code -0.0 == 0.0}); it suits counts such as
 * "failed tests == 0". There is no {@code !=}: no spec ever offered it, and "anything but this number" is no
 * threshold. Metric thresholds (canary criteria, rollback triggers) accept only the {@linkplain #isOrdering ordering}
 * comparators: a measured rate or latency is practically never exactly equal to a number.
 */
public enum Comparator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("==");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol as written in the spec, for example {@code "<="}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value <comparator> threshold} holds; never for a NaN value. */
    public boolean holds(double value, double threshold) {
        if (Double.isNaN(value)) {
            return false;
        }
        switch (this) {
            case LESS:
                return value < threshold;
            case LESS_OR_EQUAL:
                return value <= threshold;
            case GREATER:
                return value > threshold;
            case GREATER_OR_EQUAL:
                return value >= threshold;
            default:
                return value == threshold;
        }
    }

    /** True for {@code >} and {@code >=}: a larger threshold is reached later, so it is the less strict one. */
    public boolean isUpward() {
        return this == GREATER || this == GREATER_OR_EQUAL;
    }

    /** True for {@code <} and {@code <=}. */
    public boolean isDownward() {
        return this == LESS || this == LESS_OR_EQUAL;
    }

    /** True for {@code <}, {@code <=}, {@code >} and {@code >=}: the comparators a metric threshold may use. */
    public boolean isOrdering() {
        return this != EQUAL;
    }

    /**
     * This comparator, when a metric threshold (a canary criterion, a rollback trigger) may use it; otherwise the
     * user's error, naming {@code where} (e.g. {@code "criterion 'errorRate'"}).
     */
    public Comparator forMetricThreshold(String where) {
        if (!isOrdering()) {
            throw new InvalidInputException(
                    where + ": comparator " + symbol + " is not supported for metric thresholds; use <, <=, > or >=");
        }
        return this;
    }

    /** The comparator written as {@code symbol}, if any. */
    public static Optional<Comparator> ofSymbol(String symbol) {
        for (Comparator comparator : values()) {
            if (comparator.symbol.equals(symbol.trim())) {
                return Optional.of(comparator);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
