package io.releasepilot.core.rollout;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One progress report of a running release.
 *
 * @param releaseId the release
 * @param strategy {@code canary} or {@code blue-green}
 * @param step 1-based step (canary) or phase number (blue-green); 0 before the first
 * @param steps number of steps or phases
 * @param canaryWeight percent of traffic on the new version
 * @param timeLeft time left in the current step or window (zero when none)
 * @param values the latest metric values (NaN when missing)
 * @param message what happened, in a sentence
 */
public record RolloutProgress(
        UUID releaseId,
        String strategy,
        int step,
        int steps,
        int canaryWeight,
        Duration timeLeft,
        Map<String, Double> values,
        String message) {
    public RolloutProgress {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(timeLeft, "timeLeft");
        values = Map.copyOf(values);
        Objects.requireNonNull(message, "message");
    }

    /** One line for a log: {@code [canary] step 2/4 · canary 25 % · 12s left · errorRate=0.0010 · step 2 passed}. */
    public String line() {
        StringBuilder line = new StringBuilder("[")
                .append(strategy)
                .append("] step ")
                .append(step)
                .append('/')
                .append(steps)
                .append(" · canary ")
                .append(canaryWeight)
                .append(" %");
        if (!timeLeft.isZero() && !timeLeft.isNegative()) {
            line.append(" · ")
                    .append(Math.max(0, (timeLeft.toMillis() + 999) / 1000))
                    .append("s left");
        }
        new TreeMap<>(values)
                .forEach((name, value) ->
                        line.append(" · ").append(name).append('=').append(format(value)));
        return line.append(" · ").append(message).toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
