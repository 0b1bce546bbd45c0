package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.spec.BlueGreenSpec;
import io.releasepilot.core.spec.CanaryStepSpec;
import io.releasepilot.core.spec.CriterionSpec;
import io.releasepilot.core.spec.HookSpec;
import io.releasepilot.core.spec.MissingDataAction;
import io.releasepilot.core.spec.Promotion;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.TrafficSpec;
import io.releasepilot.core.spec.TriggerSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the release engine runs, mapped from a {@link ReleaseSpec} into the deciders' units: weights in whole percent,
 * ratios as fractions (0.5 % = 0.005), latencies in milliseconds ({@link io.releasepilot.core.spec.Quantity#asNumber}).
 *
 * @param steps the canary steps
 * @param triggers the rollback triggers (critical and warning)
 * @param analysisInterval how often criteria and triggers are evaluated
 * @param watchWindow blue-green: how long triggers are watched after the switch
 * @param scaleDownDelay blue-green: how long blue is kept ready after the watch window
 * @param deploy blue-green: the deploy hook for green
 * @param smokeChecks blue-green: HTTP probes of green before the switch
 * @param retire blue-green: the retire hook for blue
 * @param queries named PromQL queries ({@code {{version}}} is replaced by the version analysed)
 * @param healthCheckInterval how often the health check is probed, when there is one
 * @param judge the canary judge compared each analysis interval, when the spec enables it with metrics
 * @param canaryDeploy canary: the deploy hook for the target slot, run before any traffic moves
 * @param canaryRetire canary: the retire hook for the slot that stopped being live
 * @param promotion what success does with the slots
 * @param onMissingData what a canary step's end or the watch window's end does without data
 * @param deviations the business-metric triggers: canary against stable, review when they fire
 */
public record RolloutPlan(
        List<CanaryStep> steps,
        List<TriggerRule> triggers,
        Duration analysisInterval,
        Duration watchWindow,
        Duration scaleDownDelay,
        Optional<Hook> deploy,
        List<SmokeCheck> smokeChecks,
        Optional<Hook> retire,
        Map<String, String> queries,
        Optional<Duration> healthCheckInterval,
        Optional<JudgePlan> judge,
        Optional<Hook> canaryDeploy,
        Optional<Hook> canaryRetire,
        Promotion promotion,
        MissingDataAction onMissingData,
        List<DeviationRule> deviations) {

    /** A user command (argv, no shell) with a timeout. */
    public record Hook(List<String> command, Duration timeout) {
        public Hook {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new InvalidInputException("a hook needs at least the program");
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** An HTTP probe that must answer {@code expectStatus} within {@code timeout}. */
    public record SmokeCheck(URI url, int expectStatus, Duration timeout) {
        public SmokeCheck {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    public RolloutPlan {
        // the step list's invariants are the canary decider's; a blue-green plan does not walk them
        steps = List.copyOf(steps);
        triggers = List.copyOf(triggers);
        if (analysisInterval == null || analysisInterval.isZero() || analysisInterval.isNegative()) {
            throw new InvalidInputException("analysisInterval must be positive, got " + analysisInterval);
        }
        Objects.requireNonNull(watchWindow, "watchWindow");
        Objects.requireNonNull(scaleDownDelay, "scaleDownDelay");
        Objects.requireNonNull(deploy, "deploy");
        smokeChecks = List.copyOf(smokeChecks);
        Objects.requireNonNull(retire, "retire");
        queries = Map.copyOf(queries);
        Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(canaryDeploy, "canaryDeploy");
        Objects.requireNonNull(canaryRetire, "canaryRetire");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(onMissingData, "onMissingData");
        deviations = List.copyOf(deviations);
    }

    /** A plan without canary hooks that swaps slots on success, pauses on missing data and has no deviation triggers. */
    public RolloutPlan(
            List<CanaryStep> steps,
            List<TriggerRule> triggers,
            Duration analysisInterval,
            Duration watchWindow,
            Duration scaleDownDelay,
            Optional<Hook> deploy,
            List<SmokeCheck> smokeChecks,
            Optional<Hook> retire,
            Map<String, String> queries,
            Optional<Duration> healthCheckInterval,
            Optional<JudgePlan> judge) {
        this(
                steps,
                triggers,
                analysisInterval,
                watchWindow,
                scaleDownDelay,
                deploy,
                smokeChecks,
                retire,
                queries,
                healthCheckInterval,
                judge,
                Optional.empty(),
                Optional.empty(),
                Promotion.SWAP,
                MissingDataAction.PAUSE,
                List.of());
    }

    /** Maps the spec's canary, blue-green, trigger and query sections. */
    public static RolloutPlan from(ReleaseSpec spec) {
        List<CanaryStep> steps = new ArrayList<>();
        for (CanaryStepSpec step : spec.strategy().canary().steps()) {
            steps.add(step(step));
        }
        List<TriggerRule> triggers = new ArrayList<>();
        for (TriggerSpec trigger : spec.rollback().triggers()) {
            triggers.add(new TriggerRule(
                    trigger.name(),
                    trigger.metric(),
                    trigger.comparator(),
                    trigger.threshold().asNumber(),
                    trigger.forDuration(),
                    trigger.severity()));
        }
        BlueGreenSpec blueGreen = spec.strategy().blueGreen();
        Map<String, String> queries = spec.metrics()
                .prometheus()
                .map(p -> (Map<String, String>) new TreeMap<>(p.queries()))
                .orElse(Map.of());
        return new RolloutPlan(
                steps,
                triggers,
                spec.strategy().canary().analysisInterval(),
                blueGreen.watchWindow(),
                blueGreen.scaleDownDelay(),
                blueGreen.deploy().map(RolloutPlan::hook),
                blueGreen.smokeChecks().stream()
                        .map(s -> new SmokeCheck(s.url(), s.expectStatus(), s.timeout()))
                        .toList(),
                blueGreen.retire().map(RolloutPlan::hook),
                queries,
                spec.metrics().healthCheck().map(h -> h.interval()),
                JudgePlan.from(spec.strategy().canary().judge()),
                spec.strategy().canary().deploy().map(RolloutPlan::hook),
                spec.strategy().canary().retire().map(RolloutPlan::hook),
                spec.traffic().map(TrafficSpec::promotion).orElse(Promotion.SWAP),
                spec.rollback().onMissingData(),
                spec.rollback().deviations().stream()
                        .map(d -> new DeviationRule(
                                d.name(), d.metric(), d.deviation().ratio(), d.direction()))
                        .toList());
    }

    /**
     * One spec step: weight rounded to whole percent, each criterion a key gate objective with its threshold in query
     * units and the unit it was written in (so reports show {@code < 1%}, not {@code < 0.01}).
     */
    public static CanaryStep step(CanaryStepSpec step) {
        List<Objective> criteria = new ArrayList<>();
        for (CriterionSpec criterion : step.criteria()) {
            criteria.add(CanaryStep.criterion(
                    criterion.metric(),
                    criterion.comparator(),
                    criterion.threshold().asNumber(),
                    criterion.threshold().unit()));
        }
        return new CanaryStep((int) Math.round(step.weight().value()), step.duration(), criteria);
    }

    private static Hook hook(HookSpec hook) {
        return new Hook(hook.command(), hook.timeout());
    }

    /** How often the engine evaluates: the analysis interval, or the health check's interval when shorter. */
    public Duration tick() {
        return healthCheckInterval
                .filter(interval -> interval.compareTo(analysisInterval) < 0)
                .orElse(analysisInterval);
    }

    /** The metric names that criteria and triggers refer to, in a stable order. */
    public List<String> metricNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        steps.forEach(s -> s.criteria().forEach(c -> names.add(c.metric())));
        triggers.forEach(t -> names.add(t.metric()));
        deviations.forEach(d -> names.add(d.metric()));
        return List.copyOf(names);
    }
}
