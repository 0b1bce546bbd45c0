package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.spec.MissingDataAction;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the next move of a blue-green cutover; pure. Blue is the router's stable side, green its canary side.
 *
 * <p>deploy green → smoke checks → switch all traffic in one step → watch rollback triggers for {@code watchWindow} →
 * keep blue ready for {@code scaleDownDelay} (a rollback is still an instant switch back) → retire blue. A critical
 * trigger or an abort while blue is still ready switches back; before the switch it ends the cutover with blue
 * untouched. Promote skips the rest of the watch window (also from a pause). Pause holds the current phase (triggers
 * still roll back). At the watch window's end, a critical trigger without a value, or no critical trigger at all, is
 * missing data, never a pass: {@code onMissingData} pauses (default), switches back, or goes on with a notice that green
 * was watched blind.
 */
public final class CutoverDecider {
    private final Duration watchWindow;
    private final Duration scaleDownDelay;
    private final MissingDataAction onMissingData;

    public CutoverDecider(Duration watchWindow, Duration scaleDownDelay, MissingDataAction onMissingData) {
        if (watchWindow.isNegative() || scaleDownDelay.isNegative()) {
            throw new InvalidInputException("blue-green watchWindow and scaleDownDelay must not be negative");
        }
        this.watchWindow = watchWindow;
        this.scaleDownDelay = scaleDownDelay;
        this.onMissingData = Objects.requireNonNull(onMissingData, "onMissingData");
    }

    /** A decider that pauses on missing data. */
    public CutoverDecider(Duration watchWindow, Duration scaleDownDelay) {
        this(watchWindow, scaleDownDelay, MissingDataAction.PAUSE);
    }

    public CutoverDecision decide(CutoverInput in) {
        CutoverPhase phase = in.phase();
        if (phase.isFinal()) {
            return new CutoverDecision(List.of(), phase, "cutover already " + phase);
        }
        List<RolloutEffect> effects = new ArrayList<>();
        if (in.triggers().action() == TriggerAction.NOTIFY) {
            effects.add(new RolloutEffect.Notify(in.triggers().reason()));
        }
        boolean greenLive = phase == CutoverPhase.WATCHING || phase == CutoverPhase.KEEPING_BLUE;
        if (in.operator().abortRequested() && phase != CutoverPhase.RETIRING) {
            return greenLive ? switchBack(effects, "aborted by an operator") : fail(effects, "aborted by an operator");
        }
        if (greenLive && in.triggers().action() == TriggerAction.ROLLBACK) {
            return switchBack(
                    effects, "rollback trigger fired: " + in.triggers().reason());
        }
        boolean promoteWatching =
                phase == CutoverPhase.WATCHING && in.operator().promoteRequested();
        if (in.operator().paused() && !promoteWatching) {
            effects.add(new RolloutEffect.Pause("paused by an operator"));
            return new CutoverDecision(effects, phase, "paused by an operator");
        }
        Duration elapsed = Duration.between(in.phaseStartedAt(), in.now());
        switch (phase) {
            case PENDING:
                effects.add(new RolloutEffect.RunDeploy());
                return new CutoverDecision(effects, CutoverPhase.DEPLOYING, "deploying green");
            case DEPLOYING:
                if (in.deploy() == HookResult.FAILED) {
                    return fail(effects, "deploy hook for green failed");
                }
                if (in.deploy() == HookResult.NOT_RUN) {
                    effects.add(new RolloutEffect.RunDeploy());
                    return new CutoverDecision(
                            effects, CutoverPhase.DEPLOYING, "deploy hook has no result; running it");
                }
                effects.add(new RolloutEffect.RunSmokeChecks());
                return new CutoverDecision(effects, CutoverPhase.SMOKE_CHECKING, "green deployed; smoke checks");
            case SMOKE_CHECKING:
                if (in.smokeChecks() == HookResult.FAILED) {
                    return fail(effects, "smoke checks on green failed");
                }
                if (in.smokeChecks() == HookResult.NOT_RUN) {
                    effects.add(new RolloutEffect.RunSmokeChecks());
                    return new CutoverDecision(
                            effects, CutoverPhase.SMOKE_CHECKING, "smoke checks have no result; running them");
                }
                effects.add(new RolloutEffect.SetWeights(TrafficSplit.ALL_CANARY));
                effects.add(new RolloutEffect.Wait(watchWindow));
                return new CutoverDecision(effects, CutoverPhase.WATCHING, "smoke checks passed; all traffic to green");
            case WATCHING:
                if (!in.operator().promoteRequested() && elapsed.compareTo(watchWindow) < 0) {
                    effects.add(new RolloutEffect.Wait(watchWindow.minus(elapsed)));
                    return new CutoverDecision(effects, CutoverPhase.WATCHING, "watching green");
                }
                if (!in.operator().promoteRequested()) {
                    Optional<CutoverDecision> blind = missingData(in, effects);
                    if (blind.isPresent()) {
                        return blind.get();
                    }
                }
                effects.add(new RolloutEffect.Wait(scaleDownDelay));
                return new CutoverDecision(
                        effects,
                        CutoverPhase.KEEPING_BLUE,
                        in.operator().promoteRequested() ? "promoted by an operator" : "watch window passed");
            case KEEPING_BLUE:
                if (elapsed.compareTo(scaleDownDelay) < 0) {
                    effects.add(new RolloutEffect.Wait(scaleDownDelay.minus(elapsed)));
                    return new CutoverDecision(effects, CutoverPhase.KEEPING_BLUE, "blue kept ready");
                }
                effects.add(new RolloutEffect.RetireBlue());
                return new CutoverDecision(effects, CutoverPhase.RETIRING, "scale-down delay over; retiring blue");
            case RETIRING:
                if (in.retire() == HookResult.NOT_RUN) {
                    effects.add(new RolloutEffect.RetireBlue());
                    return new CutoverDecision(effects, CutoverPhase.RETIRING, "retire hook has no result; running it");
                }
                if (in.retire() == HookResult.FAILED) {
                    // Green is live and healthy; a failed clean-up of blue does not undo the release.
                    effects.add(new RolloutEffect.Notify("retire hook for blue failed; clean blue up by hand"));
                }
                effects.add(new RolloutEffect.Complete("green is live, blue retired"));
                return new CutoverDecision(effects, CutoverPhase.COMPLETED, "green is live");
            default:
                throw new IllegalStateException("unhandled cutover phase " + phase);
        }
    }

    /** At the watch window's end: what {@code onMissingData} says when no critical trigger had data; empty if all did. */
    private Optional<CutoverDecision> missingData(CutoverInput in, List<RolloutEffect> effects) {
        List<MissingSignal> missing = MissingSignal.ofTriggers(in.triggers());
        boolean watched =
                in.triggers().evaluations().stream().anyMatch(e -> e.rule().severity() == Severity.CRITICAL);
        if (watched && missing.isEmpty()) {
            return Optional.empty();
        }
        String what = "the watch window ended without data: "
                + (watched
                        ? missing.stream().map(MissingSignal::describe).collect(Collectors.joining("; "))
                        : "no critical rollback trigger watched green");
        switch (onMissingData) {
            case ROLLBACK:
                return Optional.of(switchBack(effects, what + " (onMissingData: rollback)"));
            case CONTINUE:
                effects.add(new RolloutEffect.Notify("WATCHED BLIND (onMissingData: continue): " + what));
                return Optional.empty();
            case PAUSE:
            default:
                String reason = what + " (onMissingData: pause); resume, promote or abort";
                effects.add(new RolloutEffect.Notify(reason));
                effects.add(new RolloutEffect.Pause(reason));
                return Optional.of(new CutoverDecision(effects, CutoverPhase.WATCHING, reason));
        }
    }

    private static CutoverDecision switchBack(List<RolloutEffect> effects, String reason) {
        effects.add(new RolloutEffect.SetWeights(TrafficSplit.ALL_STABLE));
        effects.add(new RolloutEffect.RollBack(reason));
        return new CutoverDecision(effects, CutoverPhase.ROLLED_BACK, reason);
    }

    private static CutoverDecision fail(List<RolloutEffect> effects, String reason) {
        // Blue never lost traffic; re-asserting all-stable is idempotent and covers a crash mid-switch.
        effects.add(new RolloutEffect.SetWeights(TrafficSplit.ALL_STABLE));
        effects.add(new RolloutEffect.RollBack(reason));
        return new CutoverDecision(effects, CutoverPhase.FAILED, reason);
    }
}
