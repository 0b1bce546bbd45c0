package io.releasepilot.core.notify;

import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The explanation lines of a notification, read from the ledger steps of its release: the failing rule or metric with
 * its observed value against the threshold, the analysis window, the judge's p-value and effect size, the step and
 * weights at the time, and the rollback's cause. Missing data is said, never left out silently.
 */
final class Evidence {
    private Evidence() {}

    /** Why the release was rolled back, with the evidence of the last analysis and the traffic at the time. */
    static List<String> rollback(List<ReleaseStep> history) {
        List<String> lines = new ArrayList<>();
        StepDetail.RollbackStarted started = last(history, StepDetail.RollbackStarted.class);
        if (started != null) {
            lines.add("Rollback: " + started.reason() + " (by " + started.actor() + ")");
            lines.addAll(cause(started.cause()));
        }
        lines.addAll(analysis(history));
        String traffic = traffic(history);
        if (traffic != null) {
            lines.add(traffic);
        }
        if (lines.isEmpty()) {
            lines.add("The ledger holds no analysis or rollback step for this release.");
        }
        return lines;
    }

    /** The last analysis: each metric against its threshold, the window it covered, and the judge. */
    static List<String> analysis(List<ReleaseStep> history) {
        List<String> lines = new ArrayList<>();
        StepDetail.Analysis analysis = null;
        Instant previous = null;
        for (ReleaseStep step : history) {
            if (step.step().detail() instanceof StepDetail.Analysis one) {
                previous = analysis == null ? null : analysis.at();
                analysis = one;
            }
        }
        if (analysis == null) {
            return lines;
        }
        String window = previous == null
                ? "at " + analysis.at()
                : "over " + Duration.between(previous, analysis.at()).toSeconds() + " s to " + analysis.at();
        lines.add("Analysis of " + analysis.version() + " " + window + ": " + analysis.verdict());
        for (Map.Entry<String, Double> value : analysis.values().entrySet()) {
            String threshold = analysis.thresholds().get(value.getKey());
            lines.add(value.getKey() + " = " + number(value.getValue())
                    + (threshold == null ? "" : " (threshold " + threshold + ")"));
        }
        JudgeSummary judge = analysis.judge();
        if (judge != null) {
            lines.add("Judge (Mann-Whitney U): " + judge.verdict() + ", score " + number(judge.score()) + ": "
                    + judge.reason());
            for (JudgeSummary.Metric metric : judge.metrics()) {
                lines.add(metric.metric() + ": canary median " + number(metric.canaryMedian()) + " vs baseline "
                        + number(metric.baselineMedian()) + ", p-value " + number(metric.pValue()) + ", effect size "
                        + number(metric.effectSize()) + " → " + metric.verdict());
            }
        }
        return lines;
    }

    /** The step and weights the release was at, from its last traffic step. */
    static @Nullable String traffic(List<ReleaseStep> history) {
        ReleaseStep lastTraffic = null;
        for (ReleaseStep step : history) {
            if (step.step().detail() instanceof StepDetail.TrafficApplied) {
                lastTraffic = step;
            }
        }
        if (lastTraffic == null) {
            return null;
        }
        TrafficSplit weights = lastTraffic.step().weights();
        return "At step " + lastTraffic.step().stepIndex()
                + (weights == null
                        ? ""
                        : " with weights stable " + weights.stable() + " % / new " + weights.canary() + " %");
    }

    private static List<String> cause(RollbackCause cause) {
        List<String> lines = new ArrayList<>();
        if (cause instanceof RollbackCause.Triggers triggers) {
            lines.add("Triggers: " + String.join(", ", triggers.triggers()));
            lines.addAll(triggers.evaluations());
            triggers.values().forEach((metric, value) -> lines.add(metric + " observed " + number(value)));
        } else if (cause instanceof RollbackCause.Alerts alerts) {
            for (RollbackCause.FiredAlert alert : alerts.alerts()) {
                lines.add("Alert " + alert.name() + " firing since " + alert.startsAt()
                        + (alert.summary() == null ? "" : ": " + alert.summary()));
            }
        } else if (cause instanceof RollbackCause.Operator operator) {
            lines.add("Manual rollback"
                    + (operator.from() == null ? "" : " from " + operator.from())
                    + (operator.to() == null ? "" : " to " + operator.to()));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    static <T extends StepDetail> @Nullable T last(List<ReleaseStep> history, Class<T> type) {
        T found = null;
        for (ReleaseStep step : history) {
            if (type.isInstance(step.step().detail())) {
                found = (T) step.step().detail();
            }
        }
        return found;
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
