package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CutoverDeciderTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final CutoverDecider DECIDER = new CutoverDecider(Duration.ofMinutes(5), Duration.ofMinutes(10));
    private static final HookResult NOT_RUN = HookResult.NOT_RUN;
    private static final HookResult OK = HookResult.SUCCEEDED;
    private static final HookResult FAILED = HookResult.FAILED;

    private static TriggerDecision triggers(TriggerAction action) {
        if (action == TriggerAction.NONE) {
            // Nothing fired and the critical trigger had data (a watch window with no data is MissingDataTest's).
            TriggerRule watched = new TriggerRule(
                    "health", "healthCheckFailures", Comparator.GREATER_OR_EQUAL, 3, Duration.ZERO, Severity.CRITICAL);
            return new TriggerDecision(
                    T0,
                    action,
                    List.of(new RuleEvaluation(
                            watched, RuleStatus.OK, 0, null, "health: healthCheckFailures = 0.0, not >= 3.0")));
        }
        TriggerRule rule = new TriggerRule(
                "health",
                "healthCheckFailures",
                Comparator.GREATER_OR_EQUAL,
                3,
                Duration.ZERO,
                action == TriggerAction.ROLLBACK ? Severity.CRITICAL : Severity.WARNING);
        return new TriggerDecision(
                T0,
                action,
                List.of(new RuleEvaluation(
                        rule, RuleStatus.FIRING, 3, T0, "health: healthCheckFailures = 3.0 >= 3.0, firing")));
    }

    private static CutoverInput in(
            CutoverPhase phase,
            Duration elapsed,
            HookResult deploy,
            HookResult smoke,
            HookResult retire,
            OperatorState operator,
            TriggerAction trigger) {
        return new CutoverInput(phase, T0, deploy, smoke, retire, operator, triggers(trigger), T0.plus(elapsed));
    }

    private static CutoverInput in(CutoverPhase phase, Duration elapsed, TriggerAction trigger) {
        return in(phase, elapsed, OK, OK, NOT_RUN, OperatorState.NONE, trigger);
    }

    static Stream<Arguments> cases() {
        Duration m = Duration.ofMinutes(1);
        TriggerAction none = TriggerAction.NONE;
        OperatorState abort = new OperatorState(false, false, true);
        OperatorState promote = new OperatorState(false, true, false);
        OperatorState pause = new OperatorState(true, false, false);
        return Stream.of(
                // description, input, next phase, split set (or null), effect type that must be present
                Arguments.of(
                        "pending runs the deploy hook",
                        in(CutoverPhase.PENDING, Duration.ZERO, NOT_RUN, NOT_RUN, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.DEPLOYING,
                        null,
                        RolloutEffect.RunDeploy.class),
                Arguments.of(
                        "deploy without result reruns it (crash mid-hook)",
                        in(CutoverPhase.DEPLOYING, m, NOT_RUN, NOT_RUN, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.DEPLOYING,
                        null,
                        RolloutEffect.RunDeploy.class),
                Arguments.of(
                        "deploy failed: blue keeps everything",
                        in(CutoverPhase.DEPLOYING, m, FAILED, NOT_RUN, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.FAILED,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "deployed: smoke checks",
                        in(CutoverPhase.DEPLOYING, m, OK, NOT_RUN, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.SMOKE_CHECKING,
                        null,
                        RolloutEffect.RunSmokeChecks.class),
                Arguments.of(
                        "smoke failed: no switch",
                        in(CutoverPhase.SMOKE_CHECKING, m, OK, FAILED, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.FAILED,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "smoke passed: all traffic in one step",
                        in(CutoverPhase.SMOKE_CHECKING, m, OK, OK, NOT_RUN, OperatorState.NONE, none),
                        CutoverPhase.WATCHING,
                        TrafficSplit.ALL_CANARY,
                        RolloutEffect.Wait.class),
                Arguments.of(
                        "watching: waits out the window",
                        in(CutoverPhase.WATCHING, m.multipliedBy(4), none),
                        CutoverPhase.WATCHING,
                        null,
                        RolloutEffect.Wait.class),
                Arguments.of(
                        "watch window boundary: exactly 5 m moves on",
                        in(CutoverPhase.WATCHING, m.multipliedBy(5), none),
                        CutoverPhase.KEEPING_BLUE,
                        null,
                        RolloutEffect.Wait.class),
                Arguments.of(
                        "critical trigger while watching switches back",
                        in(CutoverPhase.WATCHING, m, TriggerAction.ROLLBACK),
                        CutoverPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "warning trigger while watching only notifies",
                        in(CutoverPhase.WATCHING, m, TriggerAction.NOTIFY),
                        CutoverPhase.WATCHING,
                        null,
                        RolloutEffect.Notify.class),
                Arguments.of(
                        "critical trigger while blue is kept switches back",
                        in(CutoverPhase.KEEPING_BLUE, m, TriggerAction.ROLLBACK),
                        CutoverPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "blue kept for the delay",
                        in(CutoverPhase.KEEPING_BLUE, m.multipliedBy(9), none),
                        CutoverPhase.KEEPING_BLUE,
                        null,
                        RolloutEffect.Wait.class),
                Arguments.of(
                        "delay over: retire blue",
                        in(CutoverPhase.KEEPING_BLUE, m.multipliedBy(10), none),
                        CutoverPhase.RETIRING,
                        null,
                        RolloutEffect.RetireBlue.class),
                Arguments.of(
                        "retired: complete",
                        in(CutoverPhase.RETIRING, m, OK, OK, OK, OperatorState.NONE, none),
                        CutoverPhase.COMPLETED,
                        null,
                        RolloutEffect.Complete.class),
                Arguments.of(
                        "retire failed: complete with a notice",
                        in(CutoverPhase.RETIRING, m, OK, OK, FAILED, OperatorState.NONE, none),
                        CutoverPhase.COMPLETED,
                        null,
                        RolloutEffect.Notify.class),
                Arguments.of(
                        "trigger after retiring cannot switch back",
                        in(CutoverPhase.RETIRING, m, OK, OK, NOT_RUN, OperatorState.NONE, TriggerAction.ROLLBACK),
                        CutoverPhase.RETIRING,
                        null,
                        RolloutEffect.RetireBlue.class),
                Arguments.of(
                        "abort before the switch fails without traffic change",
                        in(CutoverPhase.SMOKE_CHECKING, m, OK, NOT_RUN, NOT_RUN, abort, none),
                        CutoverPhase.FAILED,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "abort while watching switches back",
                        in(CutoverPhase.WATCHING, m, OK, OK, NOT_RUN, abort, none),
                        CutoverPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        RolloutEffect.RollBack.class),
                Arguments.of(
                        "promote skips the watch window",
                        in(CutoverPhase.WATCHING, m, OK, OK, NOT_RUN, promote, none),
                        CutoverPhase.KEEPING_BLUE,
                        null,
                        RolloutEffect.Wait.class),
                Arguments.of(
                        "pause holds the phase",
                        in(CutoverPhase.WATCHING, m.multipliedBy(6), OK, OK, NOT_RUN, pause, none),
                        CutoverPhase.WATCHING,
                        null,
                        RolloutEffect.Pause.class),
                Arguments.of(
                        "final phases do nothing",
                        in(CutoverPhase.ROLLED_BACK, m, TriggerAction.ROLLBACK),
                        CutoverPhase.ROLLED_BACK,
                        null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecide(String name, CutoverInput input, CutoverPhase next, TrafficSplit split, Class<?> effect) {
        CutoverDecision decision = DECIDER.decide(input);

        assertThat(decision.nextPhase()).isEqualTo(next);
        List<TrafficSplit> splits = decision.effects().stream()
                .filter(e -> e instanceof RolloutEffect.SetWeights)
                .map(e -> ((RolloutEffect.SetWeights) e).split())
                .toList();
        assertThat(splits).isEqualTo(split == null ? List.of() : List.of(split));
        if (effect != null) {
            assertThat(decision.effects()).anyMatch(effect::isInstance);
        } else {
            assertThat(decision.effects()).isEmpty();
        }
    }

    @Test
    void shouldWaitOnlyTheRestOfTheWatchWindow() {
        CutoverDecision decision =
                DECIDER.decide(in(CutoverPhase.WATCHING, Duration.ofSeconds(90), TriggerAction.NONE));

        assertThat(decision.effects()).containsExactly(new RolloutEffect.Wait(Duration.ofSeconds(210)));
    }

    @Test
    void shouldSwitchBackBeforeRecordingTheRollback() {
        CutoverDecision decision =
                DECIDER.decide(in(CutoverPhase.WATCHING, Duration.ofSeconds(5), TriggerAction.ROLLBACK));

        assertThat(decision.effects()).hasSize(2);
        assertThat(decision.effects().get(0)).isEqualTo(new RolloutEffect.SetWeights(TrafficSplit.ALL_STABLE));
        assertThat(decision.reason()).contains("healthCheckFailures");
    }
}
