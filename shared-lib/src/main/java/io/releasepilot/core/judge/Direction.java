package io.releasepilot.core.judge;

import io.releasepilot.core.InvalidInputException;
import java.util.Locale;

/** Which change of a metric is bad ({@code strategy.canary.judge.metrics[].direction}). */
public enum Direction {
    /** Higher is worse: latency, error rate. */
    INCREASE,
    /** Lower is worse: throughput, success rate. */
    DECREASE,
    /** Any significant change is bad. */
    EITHER;

    public static Direction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown judge direction '" + text + "'; use increase, decrease or either");
        }
    }
}
