package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;

/** The comparison of a trigger rule or step criterion: {@code value <op> threshold} means the condition holds. */
public enum TriggerComparator {
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<=");

    private final String symbol;

    TriggerComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code value <op> threshold}; NaN never holds. */
    public boolean holds(double value, double threshold) {
        if (Double.isNaN(value)) {
            return false;
        }
        switch (this) {
            case GREATER:
                return value > threshold;
            case GREATER_OR_EQUAL:
                return value >= threshold;
            case LESS:
                return value < threshold;
            default:
                return value <= threshold;
        }
    }

    /** The comparator written as in the spec ({@code >}, {@code >=}, {@code <}, {@code <=}). */
    public static TriggerComparator of(String symbol) {
        for (TriggerComparator comparator : values()) {
            if (comparator.symbol.equals(symbol.strip())) {
                return comparator;
            }
        }
        throw new InvalidInputException("comparator must be one of >, >=, <, <=; got '" + symbol + "'");
    }
}
