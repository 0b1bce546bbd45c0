package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.CutoverDecider;
import io.releasepilot.core.rollout.CutoverDecision;
import io.releasepilot.core.rollout.CutoverInput;
import io.releasepilot.core.rollout.CutoverPhase;
import io.releasepilot.core.rollout.HookResult;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutEffect;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.SignalCheck;
import io.releasepilot.core.rollout.TriggerDecision;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blue-green release: each tick measures, asks the {@link CutoverDecider} and applies its effects; the phase and the
 * hooks' results are read back from the ledger, so a rerun continues where the last run stopped.
 */
final class BlueGreenRun extends StrategyRun {
    private final RolloutPlan plan;
    private final CutoverDecider decider;
    private final Hooks hooks;
    private CutoverPhase phase = CutoverPhase.PENDING;
    private Instant phaseStartedAt;
    private HookResult deploy = HookResult.NOT_RUN;
    private HookResult smoke = HookResult.NOT_RUN;
    private HookResult retire = HookResult.NOT_RUN;
    /** The ledger step of this tick's weight changes: the phase the decider moves to. */
    private int ledgerStep;

    BlueGreenRun(EnginePorts ports, Release release, Actor actor) {
        super(ports, release, actor, "blue-green", CutoverPhase.COMPLETED.ordinal());
        this.plan = ports.plan();
        this.decider = new CutoverDecider(plan.watchWindow(), plan.scaleDownDelay(), plan.onMissingData());
        this.hooks = new Hooks(ports, id, reporter);
        this.phaseStartedAt = release.startedAt();
        for (ReleaseStep step : ports.store().steps(id)) {
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
    Optional<SignalCheck.NoSignal> signalCheck() {
        return SignalCheck.watchWindow(plan);
    }

    @Override
    Optional<ReleaseOutcome> tick(Release current, Instant now) {
        analysis.measure(current, now, List.of());
        TriggerDecision decision = analysis.triggers(now);
        CutoverDecision next = decider.decide(
                new CutoverInput(phase, phaseStartedAt, deploy, smoke, retire, operatorState(current), decision, now));
        changed = false;
        ledgerStep = next.nextPhase().ordinal();
        Optional<ReleaseOutcome> done = applier.apply(current, next.effects(), next.reason(), this);
        if (done.isPresent()) {
            return done;
        }
        if (next.nextPhase() != phase) {
            // Recorded after the phase's effects: a crash in between repeats them (hooks re-run, weights re-set).
            phase = next.nextPhase();
            phaseStartedAt = ports.clock().instant();
            ports.record(id, ledgerStep, new StepDetail.Phase(phase.name(), next.reason()));
            Release after = ports.store().find(id).orElse(current);
            // A weight change of this tick already moved the progress to this phase; else this is its one write.
            if (after.state().active() && after.currentStep() != ledgerStep) {
                ports.store().updateProgress(id, ledgerStep, after.weights());
            }
            reporter.progress(after, Duration.ZERO, phase + ": " + next.reason());
            changed = true;
        }
        return Optional.empty();
    }

    @Override
    public int weightStep(Release current, @Nullable RolloutEffect following) {
        return ledgerStep;
    }

    @Override
    public void hook(RolloutEffect effect, Release current) {
        if (effect instanceof RolloutEffect.RunDeploy) {
            // Against the target slot only: the live one keeps serving until the switch.
            deploy = hooks.run(
                    "deploy",
                    plan.deploy(),
                    current,
                    phase.ordinal(),
                    ports.router().slots().target());
        } else if (effect instanceof RolloutEffect.RunSmokeChecks) {
            smoke = hooks.smokeChecks(current, phase.ordinal());
        } else if (effect instanceof RolloutEffect.RetireBlue) {
            retire = hooks.run(
                    "retire",
                    plan.retire(),
                    current,
                    phase.ordinal(),
                    ports.router().slots().live());
        }
    }

    @Override
    public Optional<RolloutPlan.Hook> deployHook() {
        return plan.deploy();
    }

    @Override
    public boolean oldLiveRetired() {
        return retire == HookResult.SUCCEEDED && plan.retire().isPresent();
    }

    @Override
    public String waitMessage(String reason) {
        return phase + ": " + reason;
    }

    private static HookResult result(boolean succeeded) {
        return succeeded ? HookResult.SUCCEEDED : HookResult.FAILED;
    }
}
