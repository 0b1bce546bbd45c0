package io.releasepilot.core.rollout;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.judge.CanaryJudge;
import io.releasepilot.core.judge.JudgeResult;
import io.releasepilot.core.judge.MetricComparison;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.MetricsSpec;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.EnvironmentLockedException;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.ExternalCommand;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The imperative shell that runs a release: it reads the ledger, measures, asks the pure deciders what to do and
 * applies their effects through the router and the ledger. Every weight change is written to the ledger before (a
 * {@code traffic-intent} note) and after (a TRAFFIC step and the release's progress) it is applied, and every analysis
 * is an ANALYSIS step with its values, so a run killed at any moment is continued by a rerun from the recorded step,
 * after the router has been reconciled with the ledger. Every rollback goes through {@link Rollback}.
 *
 * <p>Time comes from the injected {@link Clock}, waiting from the injected {@link Sleeper}. The engine returns a
 * {@link ReleaseOutcome}; it never exits the process.
 */
public final class ReleaseEngine {
    private final ReleaseStore store;
    private final TrafficRouter router;
    private final ReleaseSignals signals;
    private final RolloutPlan plan;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProgressListener listener;

    /**
     * @param store the ledger
     * @param router the load balancer in front of the stable and the new version
     * @param signals metrics and health checks
     * @param plan the steps, triggers and hooks (from the spec: {@link RolloutPlan#from})
     * @param clock the time
     * @param sleeper how to wait between evaluations
     * @param listener receives progress
     */
    public ReleaseEngine(
            ReleaseStore store,
            TrafficRouter router,
            ReleaseSignals signals,
            RolloutPlan plan,
            Clock clock,
            Sleeper sleeper,
            ProgressListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.router = Objects.requireNonNull(router, "router");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts a canary release, or continues the one in progress for the same version (see {@link #open}). */
    public ReleaseOutcome canary(RolloutRequest request) {
        Release release = open(request, ReleaseStrategy.CANARY);
        return run(release, request.actor());
    }

    /** Starts a blue-green release, or continues the one in progress for the same version. */
    public ReleaseOutcome blueGreen(RolloutRequest request) {
        Release release = open(request, ReleaseStrategy.BLUE_GREEN);
        return run(release, request.actor());
    }

    /** Continues a release in progress (its lock holder acting), e.g. after {@link ReleaseStore#takeOver}. */
    public ReleaseOutcome resume(UUID releaseId) {
        Release release = store.find(releaseId).orElseThrow(() -> new InvalidInputException("no release " + releaseId));
        return run(release, release.lockHolder().actor());
    }

    private ReleaseOutcome run(Release release, Actor actor) {
        if (!release.state().active()) {
            return outcome(release);
        }
        try {
            Optional<StepDetail.RollbackStarted> unfinished = unfinishedRollback(store.steps(release.id()));
            if (unfinished.isPresent()) {
                // The previous run died inside a rollback: finish it rather than re-apply the weights it left.
                String reason = unfinished.get().reason();
                emit(
                        release.id(),
                        release.currentStep(),
                        0,
                        Duration.ZERO,
                        Map.of(),
                        "finishing an interrupted rollback");
                return outcome(new Rollback(store, router)
                        .perform(
                                release.id(),
                                actor,
                                reason.isEmpty() ? "rollback interrupted and finished by a rerun" : reason,
                                unfinished.get().cause()));
            }
            reconcile(release);
            return release.request().strategy() == ReleaseStrategy.BLUE_GREEN
                    ? new BlueGreenRun(release, actor).run()
                    : new CanaryRun(release, actor).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException(
                    "interrupted while running release " + release.id() + "; rerun the same command to continue", e);
        }
    }

    // ------------------------------------------------------------------------------------------- start or resume

    /**
     * The release to run: the one in progress for service + environment when it has the same version and strategy
     * (its lock taken over when {@code takeover} is asked, audited; or, for the same actor, once its previous run has
     * stopped writing to the ledger for three analysis intervals), else a new one. Anything else holding the
     * environment gets {@link EnvironmentLockedException} naming the holder.
     */
    private Release open(RolloutRequest request, ReleaseStrategy strategy) {
        Optional<Release> held = store.inProgress(request.service(), request.environment());
        if (held.isPresent()) {
            Release release = held.get();
            boolean same = release.version().equals(request.version())
                    && release.request().strategy() == strategy;
            if (same && request.takeover()) {
                Release taken = store.takeOver(
                        request.service(),
                        request.environment(),
                        request.actor(),
                        "continue release " + release.id() + " from step " + release.currentStep());
                record(
                        taken.id(),
                        taken.currentStep(),
                        new StepDetail.Resumed(request.actor().name(), true));
                return taken;
            }
            if (same
                    && release.lockHolder()
                            .actor()
                            .name()
                            .equals(request.actor().name())
                    && holderStopped(release)) {
                record(
                        release.id(),
                        release.currentStep(),
                        new StepDetail.Resumed(request.actor().name(), false));
                return release;
            }
            if (same || !request.takeover()) {
                throw new EnvironmentLockedException(request.service(), request.environment(), release.lockHolder());
            }
        }
        UUID previous = store.lastSuccessful(request.service(), request.environment())
                .map(Release::id)
                .orElse(null);
        ReleaseRequest start = new ReleaseRequest(
                request.service(),
                request.environment(),
                request.version(),
                request.commitSha(),
                null,
                strategy,
                request.actor(),
                request.specHash(),
                previous,
                null);
        return store.start(
                start,
                request.takeover()
                        ? StartOptions.takeover("release " + request.version() + " by "
                                + request.actor().name() + " takes the environment over")
                        : StartOptions.failFast());
    }

    /** Waits up to the staleness limit for the holder's ledger writes to stop; true when they did. */
    private boolean holderStopped(Release release) {
        Duration limit = plan.analysisInterval().multipliedBy(3).plusSeconds(2);
        Instant deadline = clock.instant().plus(limit).plus(limit);
        while (true) {
            List<ReleaseStep> steps = store.steps(release.id());
            Instant last = steps.isEmpty()
                    ? release.startedAt()
                    : steps.get(steps.size() - 1).recordedAt();
            Instant now = clock.instant();
            if (Duration.between(last, now).compareTo(limit) > 0) {
                return true;
            }
            if (now.isAfter(deadline)) {
                return false;
            }
            try {
                sleeper.sleep(Duration.ofMillis(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Makes the load balancer carry the weights the ledger last recorded (a crash may have left anything). */
    private void reconcile(Release release) {
        TrafficSplit expected = release.weights();
        if (expected == null) {
            return;
        }
        RouterState found = router.current();
        if (found.split().equals(expected) && router.verify(expected)) {
            return;
        }
        RouterState applied = router.apply(expected);
        record(
                release.id(),
                release.currentStep(),
                new StepDetail.Reconciled(found.split(), applied.split(), applied.routerType()));
        emit(
                release.id(),
                release.currentStep(),
                expected.canary(),
                Duration.ZERO,
                Map.of(),
                "router reconciled with the ledger: found " + found.split() + ", re-applied " + expected);
    }

    private static Optional<StepDetail.RollbackStarted> unfinishedRollback(List<ReleaseStep> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step().detail() instanceof StepDetail.RollbackStarted started) {
                return Optional.of(started);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ shared loop

    /** State common to both strategies: samples, health, the latest values, and how effects are applied. */
    private abstract class Run {
        /** The version the canary judge compares with: the last successful release's; "" when there is none. */
        private @Nullable String baselineVersion;

        final Release started;
        final UUID id;
        final Actor actor;
        final RollbackTriggerDecider triggers;
        final List<MetricSample> history;
        final List<String> metricNames;
        Map<String, Double> latest = new LinkedHashMap<>();
        int healthFailures;
        /** The consecutive health-check failures as an observation of the probe, for criteria on them. */
        Optional<Observation> health = Optional.empty();

        @Nullable
        Instant lastAnalysis;

        @Nullable
        String lastNotice;

        TriggerDecision lastTriggers;

        /** Why this release looks at no data, if so: said in every progress line and, once, in the ledger. */
        SignalCheck.@Nullable NoSignal noSignal;

        Run(Release release, Actor actor) {
            this.started = release;
            this.id = release.id();
            this.actor = actor;
            Duration maxAge = plan.analysisInterval().multipliedBy(3);
            this.triggers = new RollbackTriggerDecider(plan.triggers(), maxAge);
            this.history = historyFrom(store.steps(id));
            this.metricNames = plan.metricNames().stream()
                    .filter(name -> !MetricsSpec.HEALTH_CHECK_FAILURES.equals(name))
                    .toList();
            this.lastTriggers = TriggerDecision.quiet(clock.instant());
        }

        abstract String strategy();

        abstract int steps();

        /** {@link SignalCheck} for this strategy. */
        abstract Optional<SignalCheck.NoSignal> signalCheck();

        ReleaseOutcome run() throws InterruptedException {
            noSignal = signalCheck().orElse(null);
            if (noSignal != null) {
                // Once per release: a resumed run finds the note of the run before it.
                boolean noted =
                        store.steps(id).stream().anyMatch(step -> step.step().detail() instanceof StepDetail.NoSignal);
                if (!noted) {
                    record(id, started.currentStep(), new StepDetail.NoSignal(noSignal.reason(), noSignal.hint()));
                }
                progress(started, Duration.ZERO, "WARNING: " + noSignal.reason() + " (" + noSignal.hint() + ")");
            }
            while (true) {
                Release current = store.find(id).orElseThrow(() -> new InvalidInputException("no release " + id));
                if (!current.state().active()) {
                    return finished(current);
                }
                boolean busy;
                try {
                    Optional<ReleaseOutcome> done = tick(current, clock.instant());
                    if (done.isPresent()) {
                        return done.get();
                    }
                    busy = changed;
                } catch (InvalidInputException e) {
                    // Someone else (an operator's rollback, `serve` after an alert) finished the release meanwhile.
                    Release now = store.find(id).orElseThrow(() -> e);
                    if (!now.state().active()) {
                        return finished(now);
                    }
                    throw e;
                }
                if (!busy) {
                    sleeper.sleep(plan.tick());
                }
            }
        }

        /** Whether the last tick changed something (then the next evaluation follows at once). */
        boolean changed;

        abstract Optional<ReleaseOutcome> tick(Release current, Instant now) throws InterruptedException;

        ReleaseOutcome finished(Release release) {
            emit(
                    id,
                    release.currentStep(),
                    weight(release),
                    Duration.ZERO,
                    latest,
                    "release " + release.state()
                            + (release.finishReason() == null ? "" : ": " + release.finishReason()));
            return outcome(release);
        }

        /**
         * Probes health and, when due, observes the metrics and records the analysis: the step's criteria evaluated by
         * the {@link io.releasepilot.core.gate.GateEvaluator} over the observations (see {@link CanaryStep#analysis}),
         * combined with the canary judge. Returns the analysis' verdict.
         */
        Optional<Verdict> measure(Release current, Instant now, List<Objective> criteria) {
            Optional<Observation> probe = signals.health().map(ReleaseEngine::observe);
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
                    record(id, current.currentStep(), new StepDetail.HealthCheck(healthFailures, now));
                }
                return Optional.empty();
            }
            lastAnalysis = now;
            Observation metrics = observe(signals.metrics(metricNames, current.version()));
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
            Optional<JudgeResult> judged = judge(current, now);
            if (judged.isPresent()) {
                verdict = Verdict.worse(verdict, judged.get().verdict());
            }
            Map<String, String> thresholds = new LinkedHashMap<>();
            for (Objective criterion : criteria) {
                // As the user wrote them ("< 1%"), not in query units ("< 0.01").
                thresholds.put(criterion.name(), GateEvaluator.thresholds(criterion));
            }
            record(
                    id,
                    current.currentStep(),
                    new StepDetail.Analysis(
                            now,
                            current.version(),
                            latest,
                            thresholds,
                            verdict,
                            judged.map(ReleaseEngine::judgeSummary).orElse(null)));
            return Optional.of(verdict);
        }

        /**
         * The canary judge over the samples since the release started (at most {@link #JUDGE_WINDOW}), canary vs the
         * last successful release's version; empty when the spec has no judge, there is no baseline version yet, or
         * the signals cannot give samples.
         */
        private Optional<JudgeResult> judge(Release current, Instant now) {
            if (plan.judge().isEmpty()) {
                return Optional.empty();
            }
            if (baselineVersion == null) {
                baselineVersion = store.lastSuccessful(current.service(), current.environment())
                        .map(Release::version)
                        .orElse("");
            }
            if (baselineVersion.isEmpty() || baselineVersion.equals(current.version())) {
                return Optional.empty();
            }
            Instant start = current.startedAt().isAfter(now.minus(JUDGE_WINDOW))
                    ? current.startedAt()
                    : now.minus(JUDGE_WINDOW);
            return signals.judgeSamples(plan.judge().get(), current.version(), baselineVersion, start, now)
                    .map(samples -> CanaryJudge.judge(plan.judge().get().config(), samples));
        }

        TriggerDecision triggers(Instant now) {
            lastTriggers = triggers.decide(history, now);
            return lastTriggers;
        }

        private void trimHistory(Instant now) {
            Duration keep = plan.analysisInterval().multipliedBy(4);
            for (TriggerRule rule : plan.triggers()) {
                if (rule.forWindow()
                                .plus(plan.analysisInterval().multipliedBy(4))
                                .compareTo(keep)
                        > 0) {
                    keep = rule.forWindow().plus(plan.analysisInterval().multipliedBy(4));
                }
            }
            Instant oldest = now.minus(keep);
            history.removeIf(sample -> sample.at().isBefore(oldest));
        }

        /**
         * Applies one weight change: the intent in the ledger, the router, then the applied step, which also moves the
         * release's progress to {@code ledgerStep} and the weights (one write, one event; nothing else records it).
         */
        void setWeights(int ledgerStep, TrafficSplit split, String why) {
            record(id, ledgerStep, new StepDetail.TrafficIntent(split, why));
            RouterState state = router.apply(split);
            record(id, ledgerStep, new StepDetail.TrafficApplied(split, state.routerType(), state.split(), why));
        }

        ReleaseOutcome rollBack(String reason) {
            RollbackCause cause = new RollbackCause.Triggers(
                    lastTriggers.criticalFiring().stream()
                            .map(e -> e.rule().name())
                            .toList(),
                    lastTriggers.criticalFiring().stream()
                            .map(RuleEvaluation::explanation)
                            .toList(),
                    latest);
            Release release = new Rollback(store, router).perform(id, actor, reason, cause);
            return finished(release);
        }

        void pause(Release current, String reason) {
            if (current.state() == ReleaseState.IN_PROGRESS) {
                store.pause(id, actor, reason);
            }
        }

        void notice(Release current, String message) {
            // Trigger explanations carry timestamps; repeat a notice only when its substance changes.
            String key = message.replaceAll("[0-9]", "");
            if (key.equals(lastNotice)) {
                return;
            }
            lastNotice = key;
            record(id, current.currentStep(), new StepDetail.Notice(message));
            emit(id, current.currentStep(), weight(current), Duration.ZERO, latest, message);
        }

        void progress(Release current, Duration left, String message) {
            emit(id, current.currentStep(), weight(current), left, latest, message);
        }

        private void emit(
                UUID release, int step, int canary, Duration left, Map<String, Double> values, String message) {
            String line = noSignal == null ? message : message + " · " + noSignal.tag();
            listener.progress(new RolloutProgress(release, strategy(), step, steps(), canary, left, values, line));
        }
    }

    private static int weight(Release release) {
        return release.weights() == null ? 0 : release.weights().canary();
    }

    // --------------------------------------------------------------------------------------------------- canary

    private final class CanaryRun extends Run {
        private final CanaryDecider decider = new CanaryDecider(plan.steps());
        private Instant stepStartedAt;
        private Verdict verdict = Verdict.INCONCLUSIVE;

        CanaryRun(Release release, Actor actor) {
            super(release, actor);
            this.stepStartedAt = stepStart(store.steps(id), release);
        }

        @Override
        String strategy() {
            return "canary";
        }

        @Override
        Optional<SignalCheck.NoSignal> signalCheck() {
            return SignalCheck.canary(plan);
        }

        @Override
        int steps() {
            return plan.steps().size();
        }

        @Override
        Optional<ReleaseOutcome> tick(Release current, Instant now) {
            // The ledger's step number is the decider's (1-based, 0 before the first step); only the list is 0-based.
            int step = current.currentStep();
            List<Objective> criteria = step >= 1 && step <= plan.steps().size()
                    ? plan.steps().get(step - 1).criteria()
                    : List.of();
            measure(current, now, criteria).ifPresent(v -> verdict = v);
            TriggerDecision decision = triggers(now);
            CanaryDecision next = decider.decide(
                    new CanaryInput(step, stepStartedAt, verdict, operatorState(current), decision, now));
            changed = false;
            List<RolloutEffect> effects = next.effects();
            for (int i = 0; i < effects.size(); i++) {
                RolloutEffect effect = effects.get(i);
                RolloutEffect following = i + 1 < effects.size() ? effects.get(i + 1) : null;
                if (effect instanceof RolloutEffect.SetWeights set) {
                    if (following instanceof RolloutEffect.RollBack) {
                        continue; // Rollback.perform moves the traffic itself, with its own ledger records.
                    }
                    int ledgerStep = following instanceof RolloutEffect.AdvanceStep advance
                            ? advance.step()
                            : current.currentStep();
                    setWeights(ledgerStep, set.split(), next.reason());
                    changed = true;
                } else if (effect instanceof RolloutEffect.AdvanceStep advance) {
                    // The SetWeights before it recorded this step and weight as the release's progress.
                    current = current.withProgress(advance.step(), TrafficSplit.canary(advance.weight()));
                    stepStartedAt = clock.instant();
                    verdict = Verdict.INCONCLUSIVE;
                    lastAnalysis = null;
                    progress(current, plan.steps().get(advance.step() - 1).duration(), next.reason());
                } else if (effect instanceof RolloutEffect.Complete complete) {
                    return Optional.of(finished(store.finish(id, ReleaseState.SUCCEEDED, actor, complete.reason())));
                } else if (effect instanceof RolloutEffect.RollBack back) {
                    return Optional.of(rollBack(back.reason()));
                } else if (effect instanceof RolloutEffect.Pause pause) {
                    pause(current, pause.reason());
                } else if (effect instanceof RolloutEffect.Notify notify) {
                    notice(current, notify.message());
                } else if (effect instanceof RolloutEffect.Wait wait) {
                    progress(current, wait.timeLeft(), next.reason());
                }
            }
            return Optional.empty();
        }
    }

    private static Instant stepStart(List<ReleaseStep> steps, Release release) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ReleaseStep step = steps.get(i);
            if (step.step().kind() == StepKind.TRAFFIC && step.step().stepIndex() == release.currentStep()) {
                Instant at = step.recordedAt();
                // The earliest TRAFFIC record of this step is when its weight took effect (a reconcile adds notes
                // only).
                for (int j = i - 1; j >= 0; j--) {
                    ReleaseStep earlier = steps.get(j);
                    if (earlier.step().kind() == StepKind.TRAFFIC) {
                        if (earlier.step().stepIndex() != release.currentStep()) {
                            break;
                        }
                        at = earlier.recordedAt();
                    }
                }
                return at;
            }
        }
        return release.startedAt();
    }

    // ----------------------------------------------------------------------------------------------- blue-green

    private final class BlueGreenRun extends Run {
        private final CutoverDecider decider = new CutoverDecider(plan.watchWindow(), plan.scaleDownDelay());
        private CutoverPhase phase = CutoverPhase.PENDING;
        private Instant phaseStartedAt;
        private HookResult deploy = HookResult.NOT_RUN;
        private HookResult smoke = HookResult.NOT_RUN;
        private HookResult retire = HookResult.NOT_RUN;

        BlueGreenRun(Release release, Actor actor) {
            super(release, actor);
            this.phaseStartedAt = release.startedAt();
            for (ReleaseStep step : store.steps(id)) {
                StepDetail detail = step.step().detail();
                if (detail instanceof StepDetail.Phase recorded) {
                    phase = CutoverPhase.valueOf(recorded.phase());
                    phaseStartedAt = step.recordedAt();
                } else if (detail instanceof StepDetail.SmokeChecks checks) {
                    smoke = result(checks.succeeded());
                } else if (detail instanceof StepDetail.Hook hook) {
                    if ("deploy".equals(hook.name())) {
                        deploy = result(hook.succeeded());
                    } else {
                        retire = result(hook.succeeded());
                    }
                }
            }
        }

        @Override
        String strategy() {
            return "blue-green";
        }

        @Override
        Optional<SignalCheck.NoSignal> signalCheck() {
            return SignalCheck.watchWindow(plan);
        }

        @Override
        int steps() {
            return CutoverPhase.COMPLETED.ordinal();
        }

        @Override
        Optional<ReleaseOutcome> tick(Release current, Instant now) {
            measure(current, now, List.of());
            TriggerDecision decision = triggers(now);
            CutoverDecision next = decider.decide(new CutoverInput(
                    phase, phaseStartedAt, deploy, smoke, retire, operatorState(current), decision, now));
            changed = false;
            List<RolloutEffect> effects = next.effects();
            int ledgerStep = next.nextPhase().ordinal();
            for (int i = 0; i < effects.size(); i++) {
                RolloutEffect effect = effects.get(i);
                RolloutEffect following = i + 1 < effects.size() ? effects.get(i + 1) : null;
                if (effect instanceof RolloutEffect.SetWeights set) {
                    if (!(following instanceof RolloutEffect.RollBack)) {
                        setWeights(ledgerStep, set.split(), next.reason());
                    }
                } else if (effect instanceof RolloutEffect.RunDeploy) {
                    deploy = hook("deploy", plan.deploy(), current);
                } else if (effect instanceof RolloutEffect.RunSmokeChecks) {
                    smoke = smokeChecks(current);
                } else if (effect instanceof RolloutEffect.RetireBlue) {
                    retire = hook("retire", plan.retire(), current);
                } else if (effect instanceof RolloutEffect.Complete complete) {
                    return Optional.of(finished(store.finish(id, ReleaseState.SUCCEEDED, actor, complete.reason())));
                } else if (effect instanceof RolloutEffect.RollBack back) {
                    return Optional.of(rollBack(back.reason()));
                } else if (effect instanceof RolloutEffect.Pause pause) {
                    pause(current, pause.reason());
                } else if (effect instanceof RolloutEffect.Notify notify) {
                    notice(current, notify.message());
                } else if (effect instanceof RolloutEffect.Wait wait) {
                    progress(current, wait.timeLeft(), phase + ": " + next.reason());
                }
            }
            if (next.nextPhase() != phase) {
                // Recorded after the phase's effects: a crash in between repeats them (hooks re-run, weights re-set).
                phase = next.nextPhase();
                phaseStartedAt = clock.instant();
                record(id, ledgerStep, new StepDetail.Phase(phase.name(), next.reason()));
                Release now2 = store.find(id).orElse(current);
                // A weight change of this tick already moved the progress to this phase; else this is its one write.
                if (now2.state().active() && now2.currentStep() != ledgerStep) {
                    store.updateProgress(id, ledgerStep, now2.weights());
                }
                progress(now2, Duration.ZERO, phase + ": " + next.reason());
                changed = true;
            }
            return Optional.empty();
        }

        private HookResult hook(String name, Optional<RolloutPlan.Hook> hook, Release current) {
            HookResult result;
            List<String> command = hook.map(RolloutPlan.Hook::command).orElse(List.of());
            Integer exitCode = null;
            String output;
            if (hook.isEmpty()) {
                result = HookResult.SUCCEEDED;
                output = "no " + name + " hook configured";
            } else {
                try {
                    ExternalCommand.Result run = ExternalCommand.run(
                            hook.get().command(),
                            Map.of(
                                    "RP_SERVICE", current.service(),
                                    "RP_ENVIRONMENT", current.environment(),
                                    "RP_VERSION", current.version()),
                            hook.get().timeout());
                    result = run.succeeded() ? HookResult.SUCCEEDED : HookResult.FAILED;
                    exitCode = run.exitCode();
                    output = run.quotedOutput();
                } catch (ReleasePilotException e) {
                    result = HookResult.FAILED;
                    output = String.valueOf(e.getMessage());
                }
            }
            record(
                    id,
                    phase.ordinal(),
                    new StepDetail.Hook(name, command, exitCode, output, result == HookResult.SUCCEEDED));
            progress(current, Duration.ZERO, name + " hook " + result);
            return result;
        }

        private HookResult smokeChecks(Release current) {
            List<StepDetail.SmokeChecks.Check> checks = new ArrayList<>();
            boolean all = true;
            for (RolloutPlan.SmokeCheck check : plan.smokeChecks()) {
                boolean ok = ReleaseSignals.healthy(
                        observe(HttpReleaseSignals.probe(
                                SMOKE_CHECK, check.url(), check.expectStatus(), check.timeout())),
                        SMOKE_CHECK);
                all &= ok;
                checks.add(new StepDetail.SmokeChecks.Check(check.url().toString(), check.expectStatus(), ok));
            }
            HookResult result = all ? HookResult.SUCCEEDED : HookResult.FAILED;
            record(id, phase.ordinal(), new StepDetail.SmokeChecks(checks, all));
            progress(current, Duration.ZERO, "smoke checks " + result);
            return result;
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The name of a blue-green smoke check's probe. */
    private static final String SMOKE_CHECK = "smokeCheck";

    /** How far back the canary judge reads samples. */
    static final Duration JUDGE_WINDOW = Duration.ofMinutes(10);

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

    private static HookResult result(boolean succeeded) {
        return succeeded ? HookResult.SUCCEEDED : HookResult.FAILED;
    }

    /**
     * One observation of a source; a source that throws (Prometheus rejected a query, say) is missing data for this
     * analysis, never the end of the run: the release keeps its weights and INCONCLUSIVE keeps it from advancing.
     */
    private static Observation observe(GateSource source) {
        try {
            return source.observe();
        } catch (ReleasePilotException e) {
            return Observation.unavailable(source.type(), source.type(), String.valueOf(e.getMessage()));
        }
    }

    /** Operator requests on the release from its audit trail: pause is its state, promote and abort are requests. */
    OperatorState operatorState(Release release) {
        boolean promote = false;
        boolean abort = false;
        for (AuditEntry entry : store.auditTrail(release.id())) {
            promote |= entry.action() == AuditAction.PROMOTE;
            abort |= entry.action() == AuditAction.ABORT || entry.action() == AuditAction.ROLLBACK;
        }
        return new OperatorState(release.state() == ReleaseState.PAUSED, promote, abort);
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

    private void record(UUID releaseId, int step, StepDetail detail) {
        store.recordStep(releaseId, new NewStep(step, detail));
    }

    private void emit(UUID release, int step, int canary, Duration left, Map<String, Double> values, String message) {
        listener.progress(
                new RolloutProgress(release, "release", step, plan.steps().size(), canary, left, values, message));
    }

    private ReleaseOutcome outcome(Release release) {
        return outcome(store, release);
    }

    /** The outcome of a release as the ledger has it, with its Markdown report. */
    public static ReleaseOutcome outcome(ReleaseStore store, Release release) {
        String reason = release.finishReason() != null
                ? release.finishReason()
                : release.state() == ReleaseState.SUCCEEDED
                        ? "completed"
                        : release.state().name().toLowerCase();
        return new ReleaseOutcome(
                release.id(),
                release.state(),
                release.version(),
                release.environment(),
                reason,
                ReleaseReport.markdown(release, store.steps(release.id()), store.auditTrail(release.id())));
    }
}
