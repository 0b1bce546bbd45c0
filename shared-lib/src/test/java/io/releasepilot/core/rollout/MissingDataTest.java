package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.MissingDataAction;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No data is never a pass: the canary's step end and the blue-green watch window's end, per onMissingData. */
class MissingDataTest {
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final List<CanaryStep> STEPS = List.of(
            new CanaryStep(10, STEP, List.of(CanaryStep.criterion("errorRate", Comparator.LESS, 0.01, Unit.PERCENT))),
            new CanaryStep(100, Duration.ZERO, List.of()));
    private static final TriggerRule CRITICAL =
            new TriggerRule("error-rate", "errorRate", Comparator.GREATER, 0.02, Duration.ZERO, Severity.CRITICAL);
    private static final MissingSignal NO_ERROR_RATE =
            new MissingSignal("errorRate", "prometheus", "< 1%", "none", "connection refused");

    private static TriggerDecision critical(RuleStatus status) {
        double value = status == RuleStatus.MISSING ? Double.NaN : 0.001;
        TriggerAction action = status == RuleStatus.MISSING ? TriggerAction.NOTIFY : TriggerAction.NONE;
        return new TriggerDecision(
                T0,
                action,
                List.of(new RuleEvaluation(CRITICAL, status, value, null, "error-rate: errorRate " + status)));
    }

    private static CanaryInput stepEnd(Verdict verdict, List<MissingSignal> missing, TriggerDecision triggers) {
        return new CanaryInput(1, T0, verdict, OperatorState.NONE, triggers, T0.plus(STEP), missing, List.of());
    }

    static Stream<Arguments> canary() {
        TriggerDecision fed = critical(RuleStatus.OK);
        TriggerDecision unfed = critical(RuleStatus.MISSING);
        CanaryInput inconclusive = stepEnd(Verdict.INCONCLUSIVE, List.of(NO_ERROR_RATE), fed);
        CanaryInput triggerBlind = stepEnd(Verdict.PASS, List.of(), unfed);
        CanaryInput allThere = stepEnd(Verdict.PASS, List.of(), fed);
        return Stream.of(
                // name, policy, input, phase, canary weight set (-1: none), text the reason or a notice contains
                Arguments.of(
                        "criterion without data pauses",
                        MissingDataAction.PAUSE,
                        inconclusive,
                        CanaryPhase.PAUSED,
                        -1,
                        "errorRate (prometheus, needs < 1%): value none, connection refused"),
                Arguments.of(
                        "critical trigger without data pauses",
                        MissingDataAction.PAUSE,
                        triggerBlind,
                        CanaryPhase.PAUSED,
                        -1,
                        "trigger error-rate"),
                Arguments.of(
                        "criterion without data rolls back",
                        MissingDataAction.ROLLBACK,
                        inconclusive,
                        CanaryPhase.ROLLED_BACK,
                        0,
                        "onMissingData: rollback"),
                Arguments.of(
                        "critical trigger without data rolls back",
                        MissingDataAction.ROLLBACK,
                        triggerBlind,
                        CanaryPhase.ROLLED_BACK,
                        0,
                        "error-rate"),
                Arguments.of(
                        "criterion without data continues blind",
                        MissingDataAction.CONTINUE,
                        inconclusive,
                        CanaryPhase.PROGRESSING,
                        100,
                        "PROMOTING BLIND (onMissingData: continue)"),
                Arguments.of(
                        "critical trigger without data continues blind",
                        MissingDataAction.CONTINUE,
                        triggerBlind,
                        CanaryPhase.PROGRESSING,
                        100,
                        "PROMOTING BLIND"),
                Arguments.of(
                        "all data there advances whatever the policy",
                        MissingDataAction.PAUSE,
                        allThere,
                        CanaryPhase.PROGRESSING,
                        100,
                        "step 1 passed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canary")
    void shouldDoWhatOnMissingDataSaysAtTheStepsEnd(
            String name, MissingDataAction policy, CanaryInput input, CanaryPhase phase, int weight, String text) {
        CanaryDecision decision = new CanaryDecider(STEPS, policy).decide(input);

        assertThat(decision.phase()).isEqualTo(phase);
        assertThat(decision.effects().stream()
                        .filter(RolloutEffect.SetWeights.class::isInstance)
                        .map(e -> ((RolloutEffect.SetWeights) e).split().canary()))
                .containsExactlyElementsOf(weight < 0 ? List.of() : List.of(weight));
        assertThat(texts(decision.reason(), decision.effects()))
                .anySatisfy(t -> assertThat(t).contains(text));
    }

    static Stream<Arguments> watchWindow() {
        TriggerDecision none = TriggerDecision.quiet(T0);
        TriggerDecision unfed = critical(RuleStatus.MISSING);
        TriggerDecision fed = critical(RuleStatus.OK);
        return Stream.of(
                // name, policy, triggers, next phase, final split (null: none), text
                Arguments.of(
                        "no critical trigger pauses",
                        MissingDataAction.PAUSE,
                        none,
                        CutoverPhase.WATCHING,
                        null,
                        "no critical rollback trigger watched green"),
                Arguments.of(
                        "critical trigger without data pauses",
                        MissingDataAction.PAUSE,
                        unfed,
                        CutoverPhase.WATCHING,
                        null,
                        "onMissingData: pause"),
                Arguments.of(
                        "critical trigger without data switches back",
                        MissingDataAction.ROLLBACK,
                        unfed,
                        CutoverPhase.ROLLED_BACK,
                        TrafficSplit.ALL_STABLE,
                        "onMissingData: rollback"),
                Arguments.of(
                        "critical trigger without data goes on blind",
                        MissingDataAction.CONTINUE,
                        unfed,
                        CutoverPhase.KEEPING_BLUE,
                        null,
                        "WATCHED BLIND (onMissingData: continue)"),
                Arguments.of(
                        "critical trigger with data goes on",
                        MissingDataAction.PAUSE,
                        fed,
                        CutoverPhase.KEEPING_BLUE,
                        null,
                        "watch window passed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("watchWindow")
    void shouldDoWhatOnMissingDataSaysAtTheWatchWindowsEnd(
            String name,
            MissingDataAction policy,
            TriggerDecision triggers,
            CutoverPhase next,
            TrafficSplit split,
            String text) {
        CutoverDecider decider = new CutoverDecider(STEP, Duration.ofMinutes(1), policy);
        CutoverDecision decision = decider.decide(new CutoverInput(
                CutoverPhase.WATCHING,
                T0,
                HookResult.SUCCEEDED,
                HookResult.SUCCEEDED,
                HookResult.NOT_RUN,
                OperatorState.NONE,
                triggers,
                T0.plus(STEP)));

        assertThat(decision.nextPhase()).isEqualTo(next);
        assertThat(decision.effects().stream()
                        .filter(RolloutEffect.SetWeights.class::isInstance)
                        .map(e -> ((RolloutEffect.SetWeights) e).split()))
                .containsExactlyElementsOf(split == null ? List.of() : List.of(split));
        assertThat(texts(decision.reason(), decision.effects()))
                .anySatisfy(t -> assertThat(t).contains(text));
        assertThat(decision.effects().stream().anyMatch(RolloutEffect.Pause.class::isInstance))
                .isEqualTo(next == CutoverPhase.WATCHING);
    }

    @ParameterizedTest(name = "promote from a missing-data pause: {0}")
    @MethodSource("policies")
    void shouldLetAnOperatorPromoteAPausedWatchWindow(MissingDataAction policy) {
        CutoverDecision decision = new CutoverDecider(STEP, Duration.ofMinutes(1), policy)
                .decide(new CutoverInput(
                        CutoverPhase.WATCHING,
                        T0,
                        HookResult.SUCCEEDED,
                        HookResult.SUCCEEDED,
                        HookResult.NOT_RUN,
                        new OperatorState(true, true, false),
                        critical(RuleStatus.MISSING),
                        T0.plus(STEP)));

        assertThat(decision.nextPhase()).isEqualTo(CutoverPhase.KEEPING_BLUE);
        assertThat(decision.reason()).isEqualTo("promoted by an operator");
    }

    static Stream<MissingDataAction> policies() {
        return Stream.of(MissingDataAction.values());
    }

    private static List<String> texts(String reason, List<RolloutEffect> effects) {
        Stream<String> notes = effects.stream().map(e -> {
            if (e instanceof RolloutEffect.Notify n) {
                return n.message();
            }
            if (e instanceof RolloutEffect.Pause p) {
                return p.reason();
            }
            return e instanceof RolloutEffect.RollBack r ? r.reason() : "";
        });
        return Stream.concat(Stream.of(reason), notes).toList();
    }
}
