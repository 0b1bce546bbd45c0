package io.releasepilot.core.rollout;

import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.spec.CanaryStepSpec;
import io.releasepilot.core.spec.MetricsSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a release would look at any data before it promotes. A canary whose steps have no criteria, whose critical
 * rollback triggers have no data source and whose judge has nothing to query goes to 100 % and succeeds with every
 * value missing; a blue-green watch window without such a trigger watches nothing. {@code validate} warns about it and
 * the engine says it in every progress line and in the report. It changes no decision: the deciders promote as
 * before.
 *
 * <p>Sources: a trigger on {@code healthCheckFailures} needs {@code metrics.healthCheck}; any other metric, and the
 * judge, need {@code metrics.prometheus}. Criteria count even without a source: missing data makes them INCONCLUSIVE,
 * which pauses the canary rather than promoting it. Warning triggers only notify, so they do not count.
 */
public final class SignalCheck {

    /**
     * A release that would promote without data.
     *
     * @param path the spec key it concerns, dotted ({@code strategy.canary.steps})
     * @param tag the few words every progress line ends with ({@code PROMOTING BLIND (no signal)})
     * @param reason why nothing can hold or roll it back
     * @param hint how to give it a signal
     */
    public record NoSignal(String path, String tag, String reason, String hint) {
        public NoSignal {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hint, "hint");
        }
    }

    /** What a release can look at, in the terms both the spec and the plan can give. */
    private record Signals(
            boolean criteria, List<String> criticalTriggerMetrics, boolean judge, boolean prometheus, boolean health) {

        boolean hasSource(String metric) {
            return MetricsSpec.HEALTH_CHECK_FAILURES.equals(metric) ? health : prometheus;
        }

        boolean triggerWithData() {
            return criticalTriggerMetrics.stream().anyMatch(this::hasSource);
        }

        /** Why the critical triggers cannot roll back: none, or the sources they need are not configured. */
        String triggersBlind() {
            if (criticalTriggerMetrics.isEmpty()) {
                return "there is no critical rollback trigger";
            }
            List<String> missing = new ArrayList<>();
            if (!prometheus
                    && criticalTriggerMetrics.stream().anyMatch(m -> !MetricsSpec.HEALTH_CHECK_FAILURES.equals(m))) {
                missing.add("metrics.prometheus");
            }
            if (!health && criticalTriggerMetrics.contains(MetricsSpec.HEALTH_CHECK_FAILURES)) {
                missing.add("metrics.healthCheck");
            }
            int count = criticalTriggerMetrics.size();
            return (count == 1
                            ? "the critical rollback trigger has"
                            : "none of the " + count + " critical rollback" + " triggers has")
                    + " a data source (" + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not configured)";
        }
    }

    private SignalCheck() {}

    /** The check for the strategy the spec declares: its canary, or its blue-green watch window. */
    public static Optional<NoSignal> of(ReleaseSpec spec) {
        return spec.strategy().type() == ReleaseStrategy.BLUE_GREEN ? watchWindow(spec) : canary(spec);
    }

    /** Why a canary of this spec would promote blind; empty when something can hold or roll it back. */
    public static Optional<NoSignal> canary(ReleaseSpec spec) {
        return canary(signals(spec));
    }

    /** Why a canary of this plan would promote blind; empty when something can hold or roll it back. */
    public static Optional<NoSignal> canary(RolloutPlan plan) {
        return canary(signals(plan));
    }

    /** Why the blue-green watch window of this spec would watch nothing; empty when a trigger can roll back. */
    public static Optional<NoSignal> watchWindow(ReleaseSpec spec) {
        return watchWindow(signals(spec));
    }

    /** Why the blue-green watch window of this plan would watch nothing; empty when a trigger can roll back. */
    public static Optional<NoSignal> watchWindow(RolloutPlan plan) {
        return watchWindow(signals(plan));
    }

    private static Optional<NoSignal> canary(Signals signals) {
        boolean judgeLooks = signals.judge() && signals.prometheus();
        if (signals.criteria() || signals.triggerWithData() || judgeLooks) {
            return Optional.empty();
        }
        String judge = signals.judge() ? "the judge has no Prometheus to query" : "the judge compares no metrics";
        return Optional.of(new NoSignal(
                "strategy.canary.steps",
                "PROMOTING BLIND (no signal)",
                "the canary has no signal: no step has criteria, " + signals.triggersBlind() + " and " + judge
                        + "; it would go to 100 % and succeed without looking at any data",
                "add criteria to the steps, or configure metrics.prometheus or metrics.healthCheck as a data source"
                        + " for the rollback triggers"));
    }

    private static Optional<NoSignal> watchWindow(Signals signals) {
        if (signals.triggerWithData()) {
            return Optional.empty();
        }
        return Optional.of(new NoSignal(
                "strategy.blueGreen.watchWindow",
                "WATCHING BLIND (no signal)",
                "the blue-green watch window has no signal: " + signals.triggersBlind()
                        + "; after the switch nothing can roll back",
                "configure metrics.prometheus or metrics.healthCheck as a data source for the rollback triggers"));
    }

    private static Signals signals(ReleaseSpec spec) {
        boolean criteria = spec.strategy().canary().steps().stream()
                .map(CanaryStepSpec::criteria)
                .anyMatch(c -> !c.isEmpty());
        List<String> critical = spec.rollback().triggers().stream()
                .filter(t -> t.severity() == Severity.CRITICAL)
                .map(TriggerSpec::metric)
                .toList();
        boolean judge = JudgePlan.from(spec.strategy().canary().judge()).isPresent();
        return new Signals(
                criteria,
                critical,
                judge,
                spec.metrics().prometheus().isPresent(),
                spec.metrics().healthCheck().isPresent());
    }

    private static Signals signals(RolloutPlan plan) {
        boolean criteria =
                plan.steps().stream().anyMatch(step -> !step.criteria().isEmpty());
        List<String> critical = plan.triggers().stream()
                .filter(t -> t.severity() == Severity.CRITICAL)
                .map(TriggerRule::metric)
                .toList();
        // The plan keeps Prometheus' queries (the defaults at least) exactly when the spec configures Prometheus.
        return new Signals(
                criteria,
                critical,
                plan.judge().isPresent(),
                !plan.queries().isEmpty(),
                plan.healthCheckInterval().isPresent());
    }
}
