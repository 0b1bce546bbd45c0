package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.ObjectiveResult;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.judge.CanaryJudge;
import io.releasepilot.core.judge.JudgeResult;
import io.releasepilot.core.judge.MetricComparison;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.CanaryStep;
import io.releasepilot.core.rollout.DeviationDecider;
import io.releasepilot.core.rollout.DeviationEvaluation;
import io.releasepilot.core.rollout.DeviationRule;
import io.releasepilot.core.rollout.MetricSample;
import io.releasepilot.core.rollout.MissingSignal;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.RollbackTriggerDecider;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.TriggerDecision;
import io.releasepilot.core.rollout.TriggerRule;
import io.releasepilot.core.spec.MetricsSpec;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One release's measurements: health probes on every tick, and when due the metrics, the step's criteria evaluated by
 * the {@link GateEvaluator} (see {@link CanaryStep#analysis}) and the canary judge, recorded as an ANALYSIS step. It
 * keeps the sample history the rollback triggers are decided over, seeded from the ledger so windows survive a
 * restart.
 */
final class Analysis {
    /** How far back the canary judge reads samples. */
    static final Duration JUDGE_WINDOW = Duration.ofMinutes(10);

    private final EnginePorts ports;
    private final RolloutPlan plan;
    private final UUID id;
    private final RollbackTriggerDecider triggers;
    private final List<MetricSample> history;
    private final List<String> metricNames;
    private final Map<String, Double> latest = new LinkedHashMap<>();
    private int healthFailures;
    /** The consecutive health-check failures as an observation of the probe, for criteria on them. */
    private Optional<Observation> health = Optional.empty();

    private @Nullable Instant lastAnalysis;
    /** The version the canary judge compares with: the last successful release's; "" when there is none. */
    private @Nullable String baselineVersion;

    private TriggerDecision lastTriggers;
    /** What the last analysis had no data for; see {@link MissingSignal}. */
    private List<MissingSignal> missing = List.of();
    /** The deviation triggers at the last analysis. */
    private List<DeviationEvaluation> deviations = List.of();

    Analysis(EnginePorts ports, UUID id) {
        this.ports = ports;
        this.plan = ports.plan();
        this.id = id;
        Duration maxAge = plan.analysisInterval().multipliedBy(3);
        // A trigger whose source is not configured can never fire; SignalCheck reports it once. Only triggers that
        // should have data are evaluated, so their missing data counts (a pause, not a silent pass).
        this.triggers = new RollbackTriggerDecider(
                plan.triggers().stream()
                        .filter(t -> ports.signals().answers(t.metric()))
                        .toList(),
                maxAge);
        this.history = historyFrom(ports.store().steps(id));
        this.metricNames = plan.metricNames().stream()
                .filter(name -> !MetricsSpec.HEALTH_CHECK_FAILURES.equals(name))
                .toList();
        this.lastTriggers = TriggerDecision.quiet(ports.clock().instant());
    }

    /** The latest value of every metric (a live view, shown in progress lines). */
    Map<String, Double> latest() {
        return latest;
    }

    /** The trigger decision of the last {@link #triggers} call. */
    TriggerDecision lastTriggers() {
        return lastTriggers;
    }

    /** What the last analysis had no data for (empty when it had all it needed). */
    List<MissingSignal> missing() {
        return missing;
    }

    /** The deviation (business-metric) triggers as of the last analysis. */
    List<DeviationEvaluation> deviations() {
        return deviations;
    }

    /** Makes the next {@link #measure} analyse at once (a new step has started). */
    void restartInterval() {
        lastAnalysis = null;
    }

    /**
     * Probes health and, when due, observes the metrics and records the analysis: the step's criteria evaluated by
     * the {@link GateEvaluator} over the observations (see {@link CanaryStep#analysis}), combined with the canary
     * judge. Returns the analysis' verdict.
     */
    Optional<Verdict> measure(Release current, Instant now, List<Objective> criteria) {
        Optional<Observation> probe = ports.signals().health().map(Analysis::observe);
        if (probe.isPresent()) {
            boolean healthy = ReleaseSignals.healthy(probe.get(), ReleaseSignals.HEALTH_CHECK);
            healthFailures = healthy ? 0 : healthFailures + 1;
            health = Optional.of(Observation.of(
                    probe.get().source(), probe.get().origin(), Map.of(MetricsSpec.HEALTH_CHECK_FAILURES, (double)
                            healthFailures)));
            history.add(new MetricSample(MetricsSpec.HEALTH_CHECK_FAILURES, now, healthFailures));
            latest.put(MetricsSpec.HEALTH_CHECK_FAILURES, (double) healthFailures);
        }
        if (lastAnalysis != null && now.isBefore(lastAnalysis.plus(plan.analysisInterval()))) {
            if (probe.isPresent() && healthFailures > 0) {
                ports.record(id, current.currentStep(), new StepDetail.HealthCheck(healthFailures, now));
            }
            return Optional.empty();
        }
        lastAnalysis = now;
        Observation metrics = observe(ports.signals().metrics(metricNames, current.version()));
        for (String name : metricNames) {
            double value = metrics.value(name).orElse(Double.NaN);
            history.add(new MetricSample(name, now, value));
            latest.put(name, value);
        }
        trimHistory(now);
        List<Observation> observations = new ArrayList<>();
        observations.add(metrics);
        health.ifPresent(observations::add);
        GateVerdict analysis = CanaryStep.analysis(criteria, observations);
        Verdict verdict = analysis.verdict();
        List<MissingSignal> gaps = new ArrayList<>();
        for (ObjectiveResult result : analysis.results()) {
            if (result.verdict() == Verdict.INCONCLUSIVE) {
                gaps.add(new MissingSignal(
                        result.objective().metric(),
                        result.source() + " " + result.origin(),
                        GateEvaluator.thresholds(result.objective()),
                        "none",
                        result.explanation()));
            }
        }
        Optional<JudgeResult> judged = judge(current, now);
        if (judged.isPresent()) {
            verdict = Verdict.worse(verdict, judged.get().verdict());
            if (judged.get().verdict() == Verdict.INCONCLUSIVE) {
                gaps.add(new MissingSignal(
                        "judge",
                        "judge",
                        "score >= " + plan.judge().get().config().passScore(),
                        "none",
                        judged.get().reason()));
            }
        }
        if (criteria.isEmpty() && judged.isEmpty() && !hasCriticalTrigger()) {
            // Nothing looked at data: that is missing data, never a pass.
            verdict = Verdict.worse(verdict, Verdict.INCONCLUSIVE);
            gaps.add(new MissingSignal(
                    "(no signal)",
                    "none",
                    "criteria, judge or a critical rollback trigger",
                    "none",
                    "no criterion, no judge comparison and no critical rollback trigger looked at data"));
        }
        missing = List.copyOf(gaps);
        deviations = deviations(current, metrics);
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (Objective criterion : criteria) {
            // As the user wrote them ("< 1%"), not in query units ("< 0.01").
            thresholds.put(criterion.name(), GateEvaluator.thresholds(criterion));
        }
        ports.record(
                id,
                current.currentStep(),
                new StepDetail.Analysis(
                        now,
                        current.version(),
                        latest,
                        thresholds,
                        verdict,
                        judged.map(Analysis::judgeSummary).orElse(null)));
        return Optional.of(verdict);
    }

    private boolean hasCriticalTrigger() {
        return triggers.rules().stream().anyMatch(t -> t.severity() == Severity.CRITICAL);
    }

    /**
     * The deviation triggers: the canary's values against the same queries for the stable side's version (the last
     * successful release's) in the same instant. Empty when there are none, or no earlier release to compare with.
     */
    private List<DeviationEvaluation> deviations(Release current, Observation canary) {
        if (plan.deviations().isEmpty()) {
            return List.of();
        }
        String stableVersion = baselineVersion(current);
        if (stableVersion.isEmpty() || stableVersion.equals(current.version())) {
            return List.of();
        }
        List<String> names =
                plan.deviations().stream().map(DeviationRule::metric).distinct().toList();
        Observation stable = observe(ports.signals().metrics(names, stableVersion));
        List<DeviationEvaluation> result = new ArrayList<>();
        for (DeviationRule rule : plan.deviations()) {
            result.add(DeviationDecider.evaluate(
                    rule,
                    canary.value(rule.metric()).orElse(Double.NaN),
                    stable.value(rule.metric()).orElse(Double.NaN)));
        }
        return List.copyOf(result);
    }

    /** The rollback triggers over the sample history. */
    TriggerDecision triggers(Instant now) {
        lastTriggers = triggers.decide(history, now);
        return lastTriggers;
    }

    /**
     * The canary judge over the samples since the release started (at most {@link #JUDGE_WINDOW}), canary vs the
     * last successful release's version; empty when the spec has no judge, there is no baseline version yet, or the
     * signals cannot give samples.
     */
    private Optional<JudgeResult> judge(Release current, Instant now) {
        if (plan.judge().isEmpty()) {
            return Optional.empty();
        }
        String baseline = baselineVersion(current);
        if (baseline.isEmpty() || baseline.equals(current.version())) {
            return Optional.empty();
        }
        Instant start =
                current.startedAt().isAfter(now.minus(JUDGE_WINDOW)) ? current.startedAt() : now.minus(JUDGE_WINDOW);
        return ports.signals()
                .judgeSamples(plan.judge().get(), current.version(), baseline, start, now)
                .map(samples -> CanaryJudge.judge(plan.judge().get().config(), samples));
    }

    /** The last successful release's version (the stable side's), read once; "" when there is none. */
    private String baselineVersion(Release current) {
        String known = baselineVersion;
        if (known == null) {
            known = ports.store()
                    .lastSuccessful(current.service(), current.environment())
                    .map(Release::version)
                    .orElse("");
            baselineVersion = known;
        }
        return known;
    }

    private void trimHistory(Instant now) {
        Duration keep = plan.analysisInterval().multipliedBy(4);
        for (TriggerRule rule : plan.triggers()) {
            if (rule.forWindow().plus(plan.analysisInterval().multipliedBy(4)).compareTo(keep) > 0) {
                keep = rule.forWindow().plus(plan.analysisInterval().multipliedBy(4));
            }
        }
        Instant oldest = now.minus(keep);
        history.removeIf(sample -> sample.at().isBefore(oldest));
    }

    /** The samples recorded by earlier runs (ANALYSIS steps' values), so trigger windows survive a restart. */
    static List<MetricSample> historyFrom(List<ReleaseStep> steps) {
        List<MetricSample> history = new ArrayList<>();
        for (ReleaseStep step : steps) {
            if (step.step().detail() instanceof StepDetail.Analysis analysis) {
                analysis.values()
                        .forEach((metric, value) -> history.add(new MetricSample(metric, analysis.at(), value)));
            }
        }
        return history;
    }

    /**
     * One observation of a source; a source that throws (Prometheus rejected a query, say) is missing data for this
     * analysis, never the end of the run: the release keeps its weights and INCONCLUSIVE keeps it from advancing.
     */
    static Observation observe(GateSource source) {
        try {
            return source.observe();
        } catch (ReleasePilotException e) {
            return Observation.unavailable(source.type(), source.type(), String.valueOf(e.getMessage()));
        }
    }

    private static JudgeSummary judgeSummary(JudgeResult result) {
        List<JudgeSummary.Metric> metrics = new ArrayList<>();
        for (MetricComparison comparison : result.metrics()) {
            metrics.add(new JudgeSummary.Metric(
                    comparison.metric(),
                    comparison.canaryMedian(),
                    comparison.baselineMedian(),
                    comparison.effectSize(),
                    comparison.pValue(),
                    comparison.verdict(),
                    comparison.explanation()));
        }
        return new JudgeSummary(result.verdict(), result.score(), result.reason(), metrics);
    }
}
