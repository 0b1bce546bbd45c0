package io.releasepilot.core.gate;

import io.releasepilot.core.InvalidInputException;

/** The comparators of an objective's thresholds, written as in the spec ({@code "<="}, {@code ">="}, …). */
public enum ComparisonOperator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The spec notation, e.g. {@code "<="}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value <op> threshold} holds; NaN never satisfies a threshold. */
    public boolean test(double value, double threshold) {
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
            case EQUAL:
                return Double.compare(value, threshold) == 0;
            default:
                return Double.compare(value, threshold) != 0;
        }
    }

    /** Parses the spec notation ({@code "="} is accepted for {@code "=="}). */
    public static ComparisonOperator parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("=")) {
            return EQUAL;
        }
        for (ComparisonOperator operator : values()) {
            if (operator.symbol.equals(trimmed)) {
                return operator;
            }
        }
        throw new InvalidInputException("unknown comparator '" + text + "'; use one of <, <=, >, >=, ==, !=");
    }

    @Override
    public String toString() {
        return symbol;
    }
}
