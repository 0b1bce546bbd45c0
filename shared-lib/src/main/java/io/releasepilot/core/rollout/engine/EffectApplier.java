package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.rollout.RolloutEffect;
import io.releasepilot.core.rollout.RuleEvaluation;
import io.releasepilot.core.rollout.TriggerDecision;
import io.releasepilot.core.spec.ReadBackAction;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Applies a decider's effects, for both strategies, through the router and the ledger. What differs between canary
 * and blue-green (under which ledger step a weight change goes, a step advance, the hooks) is asked of the
 * {@link Strategy}.
 */
final class EffectApplier {
    /** The strategy-specific part of applying effects. */
    interface Strategy {
        /** The ledger step a weight change is recorded under, given the effect that follows it (if any). */
        int weightStep(Release current, @Nullable RolloutEffect following);

        /** Called after a weight change was applied. */
        default void weightsApplied() {}

        /** A canary step advance; returns the release as it now stands. */
        default Release advanced(Release current, RolloutEffect.AdvanceStep advance, String reason) {
            return current;
        }

        /** A blue-green deploy, smoke-check or retire effect. */
        default void hook(RolloutEffect effect, Release current) {}

        /** Called before the release is finished as SUCCEEDED (the canary's retire hook). */
        default void completing(Release current) {}

        /** The strategy's deploy hook (copy-to-stable redeploys the live pool with it). */
        Optional<io.releasepilot.core.rollout.RolloutPlan.Hook> deployHook();

        /** Whether the retire hook retired the slot that was live before this release. */
        default boolean oldLiveRetired() {
            return false;
        }

        /** The progress line while waiting. */
        default String waitMessage(String reason) {
            return reason;
        }
    }

    private final EnginePorts ports;
    private final UUID id;
    private final Actor actor;
    private final Analysis analysis;
    private final RunReporter reporter;
    private final VersionGate versionGate;
    private final RouterWatch routerWatch;
    private @Nullable String lastNotice;
    /** Whether the last weight change was read back as asked. */
    private boolean weightsConfirmed = true;

    EffectApplier(EnginePorts ports, UUID id, Actor actor, Analysis analysis, RunReporter reporter) {
        this.ports = ports;
        this.id = id;
        this.actor = actor;
        this.analysis = analysis;
        this.reporter = reporter;
        this.versionGate = new VersionGate(ports, id, reporter);
        this.routerWatch = new RouterWatch(ports, id, actor);
    }

    /** Reads the router once per analysis interval; pauses the release when its weights drifted. */
    boolean pausedForDrift(Release current, java.time.Instant now) {
        return routerWatch.pausedForDrift(current, now);
    }

    /** Applies the effects in order; the outcome when one of them finished the release. */
    Optional<ReleaseOutcome> apply(Release current, List<RolloutEffect> effects, String reason, Strategy strategy) {
        Release release = current;
        for (int i = 0; i < effects.size(); i++) {
            RolloutEffect effect = effects.get(i);
            RolloutEffect following = i + 1 < effects.size() ? effects.get(i + 1) : null;
            if (effect instanceof RolloutEffect.SetWeights set) {
                if (following instanceof RolloutEffect.RollBack) {
                    continue; // Rollback.perform moves the traffic itself, with its own ledger records.
                }
                Optional<String> refused = versionGate.refusal(release);
                if (refused.isPresent()) {
                    // No traffic has moved: the release ends here, the stable version untouched.
                    return Optional.of(
                            reporter.finished(ports.store().finish(id, ReleaseState.FAILED, actor, refused.get())));
                }
                Optional<ReleaseOutcome> mismatch =
                        setWeights(release, strategy.weightStep(release, following), set.split(), reason);
                if (mismatch.isPresent() || !weightsConfirmed) {
                    // Paused on a mismatch: the rest of this decision waits for the operator.
                    return mismatch;
                }
                strategy.weightsApplied();
            } else if (effect instanceof RolloutEffect.AdvanceStep advance) {
                release = strategy.advanced(release, advance, reason);
            } else if (effect instanceof RolloutEffect.RunDeploy
                    || effect instanceof RolloutEffect.RunSmokeChecks
                    || effect instanceof RolloutEffect.RetireBlue) {
                strategy.hook(effect, release);
            } else if (effect instanceof RolloutEffect.Complete complete) {
                strategy.completing(release);
                new SlotPromotion(ports, id, reporter)
                        .promote(release, strategy.oldLiveRetired(), strategy.deployHook());
                return Optional.of(
                        reporter.finished(ports.store().finish(id, ReleaseState.SUCCEEDED, actor, complete.reason())));
            } else if (effect instanceof RolloutEffect.RollBack back) {
                return Optional.of(rollBack(back.reason()));
            } else if (effect instanceof RolloutEffect.Pause pause) {
                pause(release, pause.reason());
            } else if (effect instanceof RolloutEffect.Notify notify) {
                notice(release, notify.message());
            } else if (effect instanceof RolloutEffect.Wait wait) {
                reporter.progress(release, wait.timeLeft(), strategy.waitMessage(reason));
            }
        }
        return Optional.empty();
    }

    /**
     * Applies one weight change: the intent in the ledger, the router, then the applied step, which also moves the
     * release's progress to {@code ledgerStep} and the weights (one write, one event; nothing else records it). When
     * the router's read-back does not become the intent, the step fails instead: a notice with the weights observed,
     * then the pause or rollback {@code traffic.onReadBackMismatch} asks for (the outcome when it finished the
     * release).
     */
    private Optional<ReleaseOutcome> setWeights(Release current, int ledgerStep, TrafficSplit split, String why) {
        ports.record(id, ledgerStep, new StepDetail.TrafficIntent(split, why));
        RouterWatch.Confirmed confirmed = routerWatch.apply(split);
        RouterState state = confirmed.state();
        weightsConfirmed = confirmed.matches();
        if (confirmed.matches()) {
            ports.record(id, ledgerStep, new StepDetail.TrafficApplied(split, state.routerType(), state.split(), why));
            return Optional.empty();
        }
        String message = RouterWatch.mismatch(split, state);
        ports.record(id, current.currentStep(), new StepDetail.Notice(message));
        reporter.progress(current, Duration.ZERO, message);
        if (ports.verify().onReadBackMismatch() == ReadBackAction.ROLLBACK) {
            RollbackCause cause =
                    new RollbackCause.Triggers(List.of("router-read-back"), List.of(message), analysis.latest());
            return Optional.of(
                    reporter.finished(new Rollback(ports.store(), ports.router()).perform(id, actor, message, cause)));
        }
        pause(current, message + "; paused (traffic.onReadBackMismatch: pause): fix the router, then resume or abort");
        return Optional.empty();
    }

    private ReleaseOutcome rollBack(String reason) {
        TriggerDecision lastTriggers = analysis.lastTriggers();
        RollbackCause cause = new RollbackCause.Triggers(
                lastTriggers.criticalFiring().stream().map(e -> e.rule().name()).toList(),
                lastTriggers.criticalFiring().stream()
                        .map(RuleEvaluation::explanation)
                        .toList(),
                analysis.latest());
        Release release = new Rollback(ports.store(), ports.router()).perform(id, actor, reason, cause);
        return reporter.finished(release);
    }

    private void pause(Release current, String reason) {
        if (current.state() == ReleaseState.IN_PROGRESS) {
            ports.store().pause(id, actor, reason);
        }
    }

    private void notice(Release current, String message) {
        // Trigger explanations carry timestamps; repeat a notice only when its substance changes.
        String key = message.replaceAll("[0-9]", "");
        if (key.equals(lastNotice)) {
            return;
        }
        lastNotice = key;
        ports.record(id, current.currentStep(), new StepDetail.Notice(message));
        reporter.progress(current, Duration.ZERO, message);
    }
}
