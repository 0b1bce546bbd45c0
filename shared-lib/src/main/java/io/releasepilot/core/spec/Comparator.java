package io.releasepilot.core.spec;

import java.util.Optional;

/** How an observed value is compared with a threshold: {@code value <comparator> threshold}. */
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

    /** Whether {@code value <comparator> threshold} holds. */
    public boolean holds(double value, double threshold) {
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
