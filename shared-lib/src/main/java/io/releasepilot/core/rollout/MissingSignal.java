package io.releasepilot.core.rollout;

import java.util.Objects;

/**
 * One signal that had no usable value when a decision needed it: what was asked, of which source, against which
 * threshold, and why there was no value. Carried by an INCONCLUSIVE analysis so the pause, the rollback or the
 * "promoting blind" note names exactly what was missing.
 *
 * @param metric the criterion, trigger metric or judge metric ({@code errorRate})
 * @param source where its value should have come from ({@code prometheus}, {@code probe}, {@code judge})
 * @param threshold the condition it is held to, as the user wrote it ({@code < 1%}, {@code > 0.02 for PT2M})
 * @param value the last value seen, or {@code none}
 * @param reason why there is no usable value ({@code connection refused}, {@code last sampled 3m ago})
 */
public record MissingSignal(String metric, String source, String threshold, String value, String reason) {
    public MissingSignal {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code errorRate (prometheus, needs < 1%): value none, connection refused}. */
    public String describe() {
        return metric + " (" + source + ", needs " + threshold + "): value " + value + ", " + reason;
    }

    /** The critical trigger rules that had no usable value in {@code triggers}. */
    static java.util.List<MissingSignal> ofTriggers(TriggerDecision triggers) {
        return triggers.withStatus(RuleStatus.MISSING).stream()
                .filter(e -> e.rule().severity() == io.releasepilot.core.release.Severity.CRITICAL)
                .map(e -> new MissingSignal(
                        e.rule().metric(),
                        "trigger " + e.rule().name(),
                        e.rule().comparator().symbol() + " " + e.rule().threshold() + " for "
                                + e.rule().forWindow(),
                        Double.isNaN(e.value()) ? "none" : String.valueOf(e.value()),
                        e.explanation()))
                .toList();
    }
}
