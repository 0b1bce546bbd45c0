package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.MissingDataAction;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Decides the next move of a canary rollout; pure (the engine passes the instant and applies the effects).
 *
 * <p>Precedence: abort → critical trigger → failed analysis (all roll back) → promote (all traffic to the canary,
 * complete) → pause → a firing deviation trigger (pause for review) → start the first step → wait out the step → at
 * the step's end, PASS/WARNING with every critical trigger fed advance (or complete after the last step). Missing data
 * at the step's end (an INCONCLUSIVE analysis, a critical trigger without a value) is never a pass: it does what
 * {@code onMissingData} says — pause (default), roll back, or continue, saying in a notice that the canary is promoted
 * blind and what was missing. A FAIL verdict rolls back at any evaluation, not only at the step's end.
 */
public final class CanaryDecider {
    private final List<CanaryStep> steps;
    private final MissingDataAction onMissingData;

    public CanaryDecider(List<CanaryStep> steps, MissingDataAction onMissingData) {
        this.steps = stepList(steps);
        this.onMissingData = Objects.requireNonNull(onMissingData, "onMissingData");
    }

    /** A decider that pauses on missing data. */
    public CanaryDecider(List<CanaryStep> steps) {
        this(steps, MissingDataAction.PAUSE);
    }

    /**
     * The decider's own invariant on the steps it walks: at least one, weights strictly increasing, the last 100 %.
     * A spec has been checked by the reader already; this guards plans built in code.
     */
    private static List<CanaryStep> stepList(List<CanaryStep> steps) {
        if (steps.isEmpty()) {
            throw new InvalidInputException("strategy.canary.steps must not be empty");
        }
        List<CanaryStep> copy = List.copyOf(steps);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).weight() <= copy.get(i - 1).weight()) {
                throw new InvalidInputException("strategy.canary.steps: weights must strictly increase, step " + (i + 1)
                        + " has " + copy.get(i).weight() + " % after "
                        + copy.get(i - 1).weight() + " %");
            }
        }
        if (copy.get(copy.size() - 1).weight() != 100) {
            throw new InvalidInputException("strategy.canary.steps: the last step must be 100 %");
        }
        return copy;
    }

    public List<CanaryStep> steps() {
        return steps;
    }

    /** Decides on {@code in}; step numbers are 1-based, 0 before the first step (see {@link CanaryInput}). */
    public CanaryDecision decide(CanaryInput in) {
        if (in.currentStep() < 0 || in.currentStep() > steps.size()) {
            throw new InvalidInputException(
                    "canary step " + in.currentStep() + " does not exist (" + steps.size() + " steps)");
        }
        List<RolloutEffect> notes = notifications(in);
        if (in.operator().abortRequested()) {
            return rollBack("aborted by an operator", notes);
        }
        if (in.triggers().action() == TriggerAction.ROLLBACK) {
            return rollBack("rollback trigger fired: " + in.triggers().reason(), notes);
        }
        if (in.currentStep() >= 1 && in.verdict() == Verdict.FAIL) {
            return rollBack(
                    "analysis failed at step " + in.currentStep() + " ("
                            + step(in.currentStep()).weight() + " %)",
                    notes);
        }
        if (in.operator().promoteRequested()) {
            List<RolloutEffect> effects = new ArrayList<>(notes);
            effects.add(new RolloutEffect.SetWeights(TrafficSplit.ALL_CANARY));
            effects.add(new RolloutEffect.AdvanceStep(steps.size(), 100));
            effects.add(new RolloutEffect.Complete("promoted by an operator"));
            return new CanaryDecision(effects, CanaryPhase.COMPLETED, "promoted by an operator");
        }
        if (in.operator().paused()) {
            List<RolloutEffect> effects = new ArrayList<>(notes);
            effects.add(new RolloutEffect.Pause("paused by an operator"));
            return new CanaryDecision(effects, CanaryPhase.PAUSED, "paused by an operator");
        }
        List<DeviationEvaluation> review = in.deviations().stream()
                .filter(d -> d.status() == RuleStatus.FIRING)
                .toList();
        if (!review.isEmpty() && in.currentStep() >= 1) {
            String reason = "paused for review: "
                    + review.stream().map(DeviationEvaluation::explanation).collect(Collectors.joining("; "))
                    + "; promote or abort";
            List<RolloutEffect> effects = new ArrayList<>(notes);
            effects.add(new RolloutEffect.Notify(reason));
            effects.add(new RolloutEffect.Pause(reason));
            return new CanaryDecision(effects, CanaryPhase.PAUSED, reason);
        }
        if (in.currentStep() == 0) {
            return advance(1, notes, "canary starts");
        }
        CanaryStep step = step(in.currentStep());
        Duration elapsed = Duration.between(in.stepStartedAt(), in.now());
        if (elapsed.compareTo(step.duration()) < 0) {
            List<RolloutEffect> effects = new ArrayList<>(notes);
            Duration left = step.duration().minus(elapsed);
            effects.add(new RolloutEffect.Wait(left));
            return new CanaryDecision(
                    effects,
                    CanaryPhase.PROGRESSING,
                    "step " + in.currentStep() + " (" + step.weight() + " %) runs " + seconds(left) + " more");
        }
        List<MissingSignal> missing = new ArrayList<>(in.missing());
        missing.addAll(MissingSignal.ofTriggers(in.triggers()));
        if (in.verdict() == Verdict.INCONCLUSIVE || !missing.isEmpty()) {
            String what = "step " + in.currentStep() + " (" + step.weight() + " %) ended without data: "
                    + (missing.isEmpty()
                            ? "the analysis is inconclusive"
                            : missing.stream().map(MissingSignal::describe).collect(Collectors.joining("; ")));
            switch (onMissingData) {
                case ROLLBACK:
                    return rollBack(what + " (onMissingData: rollback)", notes);
                case CONTINUE:
                    notes.add(new RolloutEffect.Notify("PROMOTING BLIND (onMissingData: continue): " + what));
                    break;
                case PAUSE:
                default:
                    String reason = what + " (onMissingData: pause); resume, promote or abort";
                    List<RolloutEffect> effects = new ArrayList<>(notes);
                    effects.add(new RolloutEffect.Notify(reason));
                    effects.add(new RolloutEffect.Pause(reason));
                    return new CanaryDecision(effects, CanaryPhase.PAUSED, reason);
            }
        }
        if (in.verdict() == Verdict.WARNING) {
            notes.add(new RolloutEffect.Notify(
                    "analysis of step " + in.currentStep() + " passed with warnings; continuing"));
        }
        if (in.currentStep() == steps.size()) {
            List<RolloutEffect> effects = new ArrayList<>(notes);
            effects.add(new RolloutEffect.Complete("all steps passed"));
            return new CanaryDecision(effects, CanaryPhase.COMPLETED, "all steps passed");
        }
        return advance(in.currentStep() + 1, notes, "step " + in.currentStep() + " passed");
    }

    private CanaryDecision advance(int next, List<RolloutEffect> notes, String why) {
        CanaryStep step = step(next);
        List<RolloutEffect> effects = new ArrayList<>(notes);
        effects.add(new RolloutEffect.SetWeights(TrafficSplit.canary(step.weight())));
        effects.add(new RolloutEffect.AdvanceStep(next, step.weight()));
        effects.add(new RolloutEffect.Wait(step.duration()));
        return new CanaryDecision(
                effects, CanaryPhase.PROGRESSING, why + "; step " + next + " at " + step.weight() + " %");
    }

    private static CanaryDecision rollBack(String reason, List<RolloutEffect> notes) {
        List<RolloutEffect> effects = new ArrayList<>(notes);
        effects.add(new RolloutEffect.SetWeights(TrafficSplit.ALL_STABLE));
        effects.add(new RolloutEffect.RollBack(reason));
        return new CanaryDecision(effects, CanaryPhase.ROLLED_BACK, reason);
    }

    private static List<RolloutEffect> notifications(CanaryInput in) {
        List<RolloutEffect> notes = new ArrayList<>();
        if (in.triggers().action() == TriggerAction.NOTIFY) {
            notes.add(new RolloutEffect.Notify(in.triggers().reason()));
        }
        return notes;
    }

    /** Step {@code number} (1-based) of the list. */
    private CanaryStep step(int number) {
        return steps.get(number - 1);
    }

    /** {@code 4s} rather than ISO-8601's {@code PT3.999138781S}: these reasons are read by people. */
    private static String seconds(Duration duration) {
        return ((duration.toMillis() + 999) / 1000) + "s";
    }
}
