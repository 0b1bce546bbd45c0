package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.SpecDefaults;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanaryDeciderTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    private static final CanaryDecider DECIDER = new CanaryDecider(defaultSteps());
    private static final OperatorState PAUSED = new OperatorState(true, false, false);
    private static final OperatorState PROMOTE = new OperatorState(false, true, false);
    private static final OperatorState ABORT = new OperatorState(false, true, true);

    /** The spec's default steps (one place: SpecDefaults) in decider units. */
    private static List<CanaryStep> defaultSteps() {
        return SpecDefaults.canarySteps().stream().map(RolloutPlan::step).toList();
    }

    private static TriggerDecision triggers(TriggerAction action) {
        if (action == TriggerAction.NONE) {
            return TriggerDecision.quiet(START);
        }
        TriggerRule rule = new TriggerRule(
                "error-rate",
                "errorRate",
                Comparator.GREATER,
                0.02,
                Duration.ofMinutes(2),
                action == TriggerAction.ROLLBACK ? Severity.CRITICAL : Severity.WARNING);
        return new TriggerDecision(
                START,
                action,
                List.of(new RuleEvaluation(
                        rule, RuleStatus.FIRING, 0.05, START, "error-rate: errorRate = 0.05 > 0.02, firing")));
    }

    private static CanaryInput input(
            int step, Duration elapsed, Verdict verdict, OperatorState operator, TriggerAction trigger) {
        return new CanaryInput(step, START, verdict, operator, triggers(trigger), START.plus(elapsed));
    }

    static Stream<Arguments> cases() {
        Duration m = Duration.ofMinutes(1);
        return Stream.of(
                // description, input, expected phase, expected split (or null), expected step number advanced to (or
                // -1)
                Arguments.of(
                        "start sets 5 %",
                        input(0, Duration.ZERO, Verdict.INCONCLUSIVE, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        TrafficSplit.canary(5),
                        1),
                Arguments.of(
                        "mid-step PASS waits",
                        input(1, m.multipliedBy(3), Verdict.PASS, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        null,
                        -1),
                Arguments.of(
                        "mid-step INCONCLUSIVE waits",
                        input(1, m, Verdict.INCONCLUSIVE, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        null,
                        -1),
                Arguments.of(
                        "step end PASS advances to 25 %",
                        input(1, m.multipliedBy(10), Verdict.PASS, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        TrafficSplit.canary(25),
                        2),
                Arguments.of(
                        "step end WARNING advances too",
                        input(2, m.multipliedBy(30), Verdict.WARNING, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        TrafficSplit.canary(75),
                        3),
                Arguments.of(
                        "75 % passes to 100 %",
                        input(3, m.multipliedBy(61), Verdict.PASS, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PROGRESSING,
                        TrafficSplit.canary(100),
                        4),
                Arguments.of(
                        "last step (100 %, 0 s) completes",
                        input(4, Duration.ZERO, Verdict.PASS, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.COMPLETED,
                        null,
                        -1),
                Arguments.of(
                        "step end INCONCLUSIVE pauses: missing data never promotes",
                        input(1, m.multipliedBy(10), Verdict.INCONCLUSIVE, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.PAUSED,
                        null,
                        -1),
                Arguments.of(
                        "FAIL mid-step rolls back at once",
                        input(1, m, Verdict.FAIL, OperatorState.NONE, TriggerAction.NONE),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1),
                Arguments.of(
                        "critical trigger rolls back even on PASS",
                        input(2, m, Verdict.PASS, OperatorState.NONE, TriggerAction.ROLLBACK),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1),
                Arguments.of(
                        "critical trigger rolls back at 100 %",
                        input(4, Duration.ZERO, Verdict.PASS, OperatorState.NONE, TriggerAction.ROLLBACK),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1),
                Arguments.of(
                        "warning trigger only notifies",
                        input(1, m, Verdict.PASS, OperatorState.NONE, TriggerAction.NOTIFY),
                        CanaryPhase.PROGRESSING,
                        null,
                        -1),
                Arguments.of(
                        "pause holds",
                        input(1, m.multipliedBy(20), Verdict.PASS, PAUSED, TriggerAction.NONE),
                        CanaryPhase.PAUSED,
                        null,
                        -1),
                Arguments.of(
                        "critical trigger beats pause",
                        input(1, m, Verdict.PASS, PAUSED, TriggerAction.ROLLBACK),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1),
                Arguments.of(
                        "promote skips analysis",
                        input(1, m, Verdict.INCONCLUSIVE, PROMOTE, TriggerAction.NONE),
                        CanaryPhase.COMPLETED,
                        TrafficSplit.ALL_CANARY,
                        4),
                Arguments.of(
                        "abort beats promote",
                        input(2, m, Verdict.PASS, ABORT, TriggerAction.NONE),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1),
                Arguments.of(
                        "FAIL beats promote",
                        input(2, m, Verdict.FAIL, PROMOTE, TriggerAction.NONE),
                        CanaryPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecide(String name, CanaryInput in, CanaryPhase phase, TrafficSplit split, int advancedTo) {
        CanaryDecision decision = DECIDER.decide(in);

        assertThat(decision.phase()).isEqualTo(phase);
        List<TrafficSplit> splits = decision.effects().stream()
                .filter(e -> e instanceof RolloutEffect.SetWeights)
                .map(e -> ((RolloutEffect.SetWeights) e).split())
                .toList();
        if (split == null) {
            assertThat(splits).isEmpty();
        } else {
            assertThat(splits).containsExactly(split);
        }
        List<Integer> advances = decision.effects().stream()
                .filter(e -> e instanceof RolloutEffect.AdvanceStep)
                .map(e -> ((RolloutEffect.AdvanceStep) e).step())
                .toList();
        assertThat(advances).isEqualTo(advancedTo < 0 ? List.of() : List.of(advancedTo));
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void shouldNumberStepsAsTheLedgerDoes() {
        // Step 1 (5 %) is in effect and over: the advance is to step 2, the number the ledger records and people read.
        CanaryDecision decision =
                DECIDER.decide(input(1, Duration.ofMinutes(10), Verdict.PASS, OperatorState.NONE, TriggerAction.NONE));

        assertThat(decision.effects()).contains(new RolloutEffect.AdvanceStep(2, 25));
        assertThat(decision.reason()).isEqualTo("step 1 passed; step 2 at 25 %");
    }

    @Test
    void shouldSayHowLongTheStepStillRuns() {
        CanaryDecision decision =
                DECIDER.decide(input(1, Duration.ofMinutes(4), Verdict.PASS, OperatorState.NONE, TriggerAction.NONE));

        assertThat(decision.effects()).containsExactly(new RolloutEffect.Wait(Duration.ofMinutes(6)));
    }

    @Test
    void shouldNameTheTriggerInTheRollbackReason() {
        CanaryDecision decision = DECIDER.decide(
                input(2, Duration.ofMinutes(1), Verdict.PASS, OperatorState.NONE, TriggerAction.ROLLBACK));

        assertThat(decision.effects()).last().isInstanceOf(RolloutEffect.RollBack.class);
        assertThat(((RolloutEffect.RollBack)
                                decision.effects().get(decision.effects().size() - 1))
                        .reason())
                .contains("error-rate")
                .contains("0.05");
    }

    @Test
    void shouldNotifyOnAWarningTrigger() {
        CanaryDecision decision =
                DECIDER.decide(input(1, Duration.ofMinutes(1), Verdict.PASS, OperatorState.NONE, TriggerAction.NOTIFY));

        assertThat(decision.effects()).hasAtLeastOneElementOfType(RolloutEffect.Notify.class);
    }

    @Test
    void shouldPromoteThroughEveryStepWithSecondDurations() {
        CanaryDecider fast = new CanaryDecider(List.of(
                new CanaryStep(5, Duration.ofSeconds(2), List.of()),
                new CanaryStep(25, Duration.ofSeconds(2), List.of()),
                new CanaryStep(100, Duration.ZERO, List.of())));
        int step = 0;
        Instant stepStart = START;
        Instant now = START;
        List<Integer> weights = new java.util.ArrayList<>();
        CanaryDecision decision;
        do {
            decision = fast.decide(new CanaryInput(
                    step, stepStart, Verdict.PASS, OperatorState.NONE, TriggerDecision.quiet(now), now));
            for (RolloutEffect effect : decision.effects()) {
                if (effect instanceof RolloutEffect.AdvanceStep advance) {
                    step = advance.step();
                    stepStart = now;
                    weights.add(advance.weight());
                }
            }
            now = now.plusSeconds(1);
        } while (decision.phase() == CanaryPhase.PROGRESSING);

        assertThat(decision.phase()).isEqualTo(CanaryPhase.COMPLETED);
        assertThat(weights).containsExactly(5, 25, 100);
    }

    @Test
    void shouldRejectBadStepLists() {
        assertThatThrownBy(() -> new CanaryDecider(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CanaryDecider(List.of(
                        new CanaryStep(50, Duration.ZERO, List.of()), new CanaryStep(25, Duration.ZERO, List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strictly increase");
        assertThatThrownBy(() -> new CanaryDecider(List.of(new CanaryStep(50, Duration.ZERO, List.of()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("100");
        assertThatThrownBy(() -> new CanaryStep(0, Duration.ZERO, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() ->
                        DECIDER.decide(input(8, Duration.ZERO, Verdict.PASS, OperatorState.NONE, TriggerAction.NONE)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldCarryTheBriefsDefaultSteps() {
        assertThat(defaultSteps()).extracting(CanaryStep::weight).containsExactly(5, 25, 75, 100);
        assertThat(defaultSteps())
                .extracting(CanaryStep::duration)
                .containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ZERO);
        assertThat(defaultSteps().get(0).criteria())
                .containsExactly(
                        CanaryStep.criterion("errorRate", Comparator.LESS, 0.005, Unit.PERCENT),
                        CanaryStep.criterion("p95Latency", Comparator.LESS, 400, Unit.MILLISECONDS));
    }
}
