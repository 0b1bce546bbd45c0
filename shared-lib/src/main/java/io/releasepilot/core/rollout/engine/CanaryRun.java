package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.CanaryDecider;
import io.releasepilot.core.rollout.CanaryDecision;
import io.releasepilot.core.rollout.CanaryInput;
import io.releasepilot.core.rollout.HookResult;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutEffect;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.SignalCheck;
import io.releasepilot.core.rollout.TriggerDecision;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A canary release: each tick measures, asks the {@link CanaryDecider} and applies its effects. */
final class CanaryRun extends StrategyRun {
    private final RolloutPlan plan;
    private final CanaryDecider decider;
    private final Hooks hooks;
    private Instant stepStartedAt;
    private Verdict verdict = Verdict.INCONCLUSIVE;
    private boolean deployed;
    private boolean retired;

    CanaryRun(EnginePorts ports, Release release, Actor actor) {
        super(ports, release, actor, "canary", ports.plan().steps().size());
        this.plan = ports.plan();
        this.decider = new CanaryDecider(plan.steps(), plan.onMissingData());
        this.stepStartedAt = stepStart(ports.store().steps(id), release);
        this.hooks = new Hooks(ports, id, reporter);
        // A resumed run finds the deploy hook's result in the ledger and does not deploy again.
        this.deployed = ports.store().steps(id).stream()
                .anyMatch(s -> s.step().detail() instanceof StepDetail.Hook hook
                        && "deploy".equals(hook.name())
                        && hook.succeeded());
    }

    @Override
    public Optional<RolloutPlan.Hook> deployHook() {
        return plan.canaryDeploy();
    }

    @Override
    public void completing(Release current) {
        // The slot that was live stops being live now; retire it (never the new live one).
        if (plan.canaryRetire().isPresent() && plan.promotion() == io.releasepilot.core.spec.Promotion.SWAP) {
            retired = hooks.run(
                            "retire",
                            plan.canaryRetire(),
                            current,
                            current.currentStep(),
                            ports.router().slots().live())
                    == HookResult.SUCCEEDED;
        }
    }

    @Override
    public boolean oldLiveRetired() {
        return retired;
    }

    @Override
    Optional<SignalCheck.NoSignal> signalCheck() {
        return SignalCheck.canary(plan);
    }

    @Override
    Optional<ReleaseOutcome> tick(Release current, Instant now) {
        if (!deployed && current.currentStep() == 0 && plan.canaryDeploy().isPresent()) {
            // Before any traffic moves, and against the target slot only: the live one keeps serving.
            HookResult result = hooks.run(
                    "deploy",
                    plan.canaryDeploy(),
                    current,
                    0,
                    ports.router().slots().target());
            if (result != HookResult.SUCCEEDED) {
                return Optional.of(reporter.finished(ports.store()
                        .finish(
                                id,
                                ReleaseState.FAILED,
                                ports.store()
                                        .find(id)
                                        .orElse(current)
                                        .lockHolder()
                                        .actor(),
                                "deploy hook failed on slot "
                                        + ports.router().slots().target() + "; no traffic was moved")));
            }
            deployed = true;
            changed = true;
            return Optional.empty();
        }
        // The ledger's step number is the decider's (1-based, 0 before the first step); only the list is 0-based.
        int step = current.currentStep();
        List<Objective> criteria = step >= 1 && step <= plan.steps().size()
                ? plan.steps().get(step - 1).criteria()
                : List.of();
        analysis.measure(current, now, criteria).ifPresent(v -> verdict = v);
        TriggerDecision decision = analysis.triggers(now);
        CanaryDecision next = decider.decide(new CanaryInput(
                step,
                stepStartedAt,
                verdict,
                operatorState(current),
                decision,
                now,
                analysis.missing(),
                analysis.deviations()));
        changed = false;
        return applier.apply(current, next.effects(), next.reason(), this);
    }

    @Override
    public int weightStep(Release current, @Nullable RolloutEffect following) {
        return following instanceof RolloutEffect.AdvanceStep advance ? advance.step() : current.currentStep();
    }

    @Override
    public void weightsApplied() {
        changed = true;
    }

    @Override
    public Release advanced(Release current, RolloutEffect.AdvanceStep advance, String reason) {
        // The SetWeights before it recorded this step and weight as the release's progress.
        Release moved = current.withProgress(advance.step(), TrafficSplit.canary(advance.weight()));
        stepStartedAt = ports.clock().instant();
        verdict = Verdict.INCONCLUSIVE;
        analysis.restartInterval();
        reporter.progress(moved, plan.steps().get(advance.step() - 1).duration(), reason);
        return moved;
    }

    /** When the release's current step started: its earliest TRAFFIC record (a reconcile adds notes only). */
    private static Instant stepStart(List<ReleaseStep> steps, Release release) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            ReleaseStep step = steps.get(i);
            if (step.step().kind() == StepKind.TRAFFIC && step.step().stepIndex() == release.currentStep()) {
                Instant at = step.recordedAt();
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
}
