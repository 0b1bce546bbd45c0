package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Business-metric deviation: canary against stable, relative, and the canary's review pause. */
class DeviationDeciderTest {
    private static final DeviationRule DROP =
            new DeviationRule("checkout-drop", "checkoutRate", 0.5, Direction.DECREASE);

    static Stream<Arguments> cases() {
        return Stream.of(
                // canary, stable, direction, status
                Arguments.of(0.05, 0.10, Direction.DECREASE, RuleStatus.FIRING),
                Arguments.of(0.04, 0.10, Direction.DECREASE, RuleStatus.FIRING),
                Arguments.of(0.06, 0.10, Direction.DECREASE, RuleStatus.OK),
                Arguments.of(0.30, 0.10, Direction.DECREASE, RuleStatus.OK),
                Arguments.of(0.15, 0.10, Direction.INCREASE, RuleStatus.FIRING),
                Arguments.of(0.14, 0.10, Direction.INCREASE, RuleStatus.OK),
                Arguments.of(0.04, 0.10, Direction.EITHER, RuleStatus.FIRING),
                Arguments.of(0.16, 0.10, Direction.EITHER, RuleStatus.FIRING),
                Arguments.of(0.10, 0.10, Direction.EITHER, RuleStatus.OK),
                Arguments.of(Double.NaN, 0.10, Direction.DECREASE, RuleStatus.MISSING),
                Arguments.of(0.05, Double.NaN, Direction.DECREASE, RuleStatus.MISSING),
                Arguments.of(0.05, 0.0, Direction.DECREASE, RuleStatus.MISSING));
    }

    @ParameterizedTest(name = "canary {0} vs stable {1}, {2}: {3}")
    @MethodSource("cases")
    void shouldFireOnRelativeDeviationInItsDirection(
            double canary, double stable, Direction direction, RuleStatus status) {
        DeviationRule rule = new DeviationRule("r", "checkoutRate", 0.5, direction);

        DeviationEvaluation evaluation = DeviationDecider.evaluate(rule, canary, stable);

        assertThat(evaluation.status()).isEqualTo(status);
    }

    @Test
    void shouldSayBothValuesAndTheDeviation() {
        assertThat(DeviationDecider.evaluate(DROP, 0.05, 0.10).explanation())
                .isEqualTo("checkout-drop: checkoutRate canary 0.05000 vs stable 0.1000 (-50.0%, limit -50%), firing:"
                        + " review");
    }

    @Test
    void shouldPauseTheCanaryForReviewWhenADeviationFires() {
        Instant t0 = Instant.parse("2026-12-02T12:00:00Z");
        CanaryDecider decider = new CanaryDecider(List.of(
                new CanaryStep(10, Duration.ofMinutes(5), List.of()), new CanaryStep(100, Duration.ZERO, List.of())));
        CanaryInput input = new CanaryInput(
                1,
                t0,
                Verdict.PASS,
                OperatorState.NONE,
                TriggerDecision.quiet(t0),
                t0.plusSeconds(10),
                List.of(),
                List.of(DeviationDecider.evaluate(DROP, 0.05, 0.10)));

        CanaryDecision decision = decider.decide(input);

        assertThat(decision.phase()).isEqualTo(CanaryPhase.PAUSED);
        assertThat(decision.reason())
                .startsWith("paused for review: checkout-drop")
                .endsWith("; promote or abort");
        assertThat(decision.effects()).noneMatch(RolloutEffect.SetWeights.class::isInstance);
    }

    @Test
    void shouldLetAnOperatorPromoteOrAbortAReleasePausedForReview() {
        Instant t0 = Instant.parse("2026-12-02T12:00:00Z");
        CanaryDecider decider = new CanaryDecider(List.of(
                new CanaryStep(10, Duration.ofMinutes(5), List.of()), new CanaryStep(100, Duration.ZERO, List.of())));
        List<DeviationEvaluation> firing = List.of(DeviationDecider.evaluate(DROP, 0.05, 0.10));

        CanaryDecision promoted = decider.decide(new CanaryInput(
                1,
                t0,
                Verdict.PASS,
                new OperatorState(true, true, false),
                TriggerDecision.quiet(t0),
                t0,
                List.of(),
                firing));
        CanaryDecision aborted = decider.decide(new CanaryInput(
                1,
                t0,
                Verdict.PASS,
                new OperatorState(true, false, true),
                TriggerDecision.quiet(t0),
                t0,
                List.of(),
                firing));

        assertThat(promoted.phase()).isEqualTo(CanaryPhase.COMPLETED);
        assertThat(aborted.phase()).isEqualTo(CanaryPhase.ROLLED_BACK);
    }
}
