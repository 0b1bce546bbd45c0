package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RollbackTriggerDeciderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(90);

    /** Samples every 30 s ending at NOW, oldest first. */
    private static List<MetricSample> series(String metric, double... values) {
        List<MetricSample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new MetricSample(metric, NOW.minusSeconds(30L * (values.length - 1 - i)), values[i]));
        }
        return samples;
    }

    private static TriggerRule rule(String metric, String op, double threshold, Duration window, Severity severity) {
        return new TriggerRule("r", metric, Comparator.ofSymbol(op).orElseThrow(), threshold, window, severity);
    }

    static Stream<Arguments> singleRuleCases() {
        Duration twoMin = Duration.ofMinutes(2);
        return Stream.of(
                // name, rule, samples, expected status
                Arguments.of(
                        "held across the whole 2 m window (5 samples, 0..120 s)",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.05, 0.05, 0.05, 0.05, 0.05),
                        RuleStatus.FIRING),
                Arguments.of(
                        "window boundary: first holding sample exactly at now-2m fires",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.01, 0.05, 0.05, 0.05, 0.05, 0.05),
                        RuleStatus.FIRING),
                Arguments.of(
                        "window boundary: first holding sample 30 s after now-2m is pending",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.01, 0.05, 0.05, 0.05, 0.05),
                        RuleStatus.PENDING),
                Arguments.of(
                        "one healthy evaluation inside the window breaks it",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.05, 0.05, 0.01, 0.05, 0.05),
                        RuleStatus.PENDING),
                Arguments.of(
                        "a NaN inside the window breaks it",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.05, 0.05, Double.NaN, 0.05, 0.05),
                        RuleStatus.PENDING),
                Arguments.of(
                        "latest healthy is OK even after a bad history",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.05, 0.05, 0.05, 0.05, 0.01),
                        RuleStatus.OK),
                Arguments.of(
                        "exactly at the threshold with > does not hold",
                        rule("errorRate", ">", 0.02, Duration.ZERO, Severity.CRITICAL),
                        series("errorRate", 0.02),
                        RuleStatus.OK),
                Arguments.of(
                        "for: 0 fires on the latest sample alone",
                        rule("healthCheckFailures", ">=", 3, Duration.ZERO, Severity.CRITICAL),
                        series("healthCheckFailures", 0, 3),
                        RuleStatus.FIRING),
                Arguments.of(
                        ">= at the threshold holds",
                        rule("healthCheckFailures", ">=", 3, Duration.ZERO, Severity.CRITICAL),
                        series("healthCheckFailures", 3),
                        RuleStatus.FIRING),
                Arguments.of(
                        "< comparator",
                        rule("throughput", "<", 10, Duration.ZERO, Severity.CRITICAL),
                        series("throughput", 5),
                        RuleStatus.FIRING),
                Arguments.of(
                        "<= comparator not holding",
                        rule("throughput", "<=", 10, Duration.ZERO, Severity.CRITICAL),
                        series("throughput", 11),
                        RuleStatus.OK),
                Arguments.of(
                        "empty history is missing",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        List.of(),
                        RuleStatus.MISSING),
                Arguments.of(
                        "latest NaN is missing",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("errorRate", 0.05, Double.NaN),
                        RuleStatus.MISSING),
                Arguments.of(
                        "other metrics only is missing",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        series("p95Latency", 2000),
                        RuleStatus.MISSING),
                Arguments.of(
                        "stale latest sample is missing",
                        rule("errorRate", ">", 0.02, Duration.ZERO, Severity.CRITICAL),
                        List.of(new MetricSample("errorRate", NOW.minusSeconds(91), 0.5)),
                        RuleStatus.MISSING),
                Arguments.of(
                        "a gap longer than the max age breaks the window",
                        rule("errorRate", ">", 0.02, twoMin, Severity.CRITICAL),
                        List.of(
                                new MetricSample("errorRate", NOW.minusSeconds(120), 0.05),
                                new MetricSample("errorRate", NOW, 0.05)),
                        RuleStatus.PENDING),
                Arguments.of(
                        "samples after now are ignored",
                        rule("errorRate", ">", 0.02, Duration.ZERO, Severity.CRITICAL),
                        List.of(
                                new MetricSample("errorRate", NOW, 0.01),
                                new MetricSample("errorRate", NOW.plusSeconds(5), 0.9)),
                        RuleStatus.OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRuleCases")
    void shouldEvaluateOneRule(String name, TriggerRule rule, List<MetricSample> samples, RuleStatus expected) {
        TriggerDecision decision = new RollbackTriggerDecider(List.of(rule), MAX_AGE).decide(samples, NOW);

        assertThat(decision.evaluations())
                .singleElement()
                .extracting(RuleEvaluation::status)
                .isEqualTo(expected);
    }

    static Stream<Arguments> defaultRuleCases() {
        return Stream.of(
                Arguments.of(
                        "error 5 % for 2 m rolls back", "errorRate", 0.05, 5, TriggerAction.ROLLBACK, "error-rate"),
                Arguments.of("error 5 % for only 1 m is still pending", "errorRate", 0.05, 3, TriggerAction.NONE, null),
                Arguments.of(
                        "error 1.5 % for 5 m is the warning tier", "errorRate", 0.015, 11, TriggerAction.NOTIFY, null),
                Arguments.of(
                        "P95 1200 ms for 5 m rolls back",
                        "p95Latency",
                        1200,
                        11,
                        TriggerAction.ROLLBACK,
                        "p95-latency"),
                Arguments.of(
                        "P95 1200 ms for 4.5 m does not roll back yet",
                        "p95Latency",
                        1200,
                        10,
                        TriggerAction.NONE,
                        null),
                Arguments.of(
                        "3 failed health checks roll back immediately",
                        "healthCheckFailures",
                        3,
                        1,
                        TriggerAction.ROLLBACK,
                        "health"),
                Arguments.of("memory 97 % for 2 m rolls back", "memory", 0.97, 5, TriggerAction.ROLLBACK, "memory"),
                Arguments.of(
                        "DB pool 96 % rolls back immediately", "dbPool", 0.96, 1, TriggerAction.ROLLBACK, "db-pool"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultRuleCases")
    void shouldApplyTheBriefsDefaultRules(
            String name, String metric, double bad, int badSamples, TriggerAction expected, String firingRule) {
        List<MetricSample> history = healthyHistory();
        history.removeIf(s -> s.metric().equals(metric) && !s.at().isBefore(NOW.minusSeconds(30L * (badSamples - 1))));
        for (int i = 0; i < badSamples; i++) {
            history.add(new MetricSample(metric, NOW.minusSeconds(30L * i), bad));
        }

        TriggerDecision decision = new RollbackTriggerDecider(TriggerRule.defaults(), MAX_AGE).decide(history, NOW);

        assertThat(decision.action()).isEqualTo(expected);
        if (firingRule != null) {
            assertThat(decision.criticalFiring())
                    .extracting(e -> e.rule().name())
                    .contains(firingRule);
            assertThat(decision.reason()).contains(firingRule).contains(metric);
        }
    }

    @Test
    void shouldSayNoneWhenEveryMetricIsHealthy() {
        TriggerDecision decision =
                new RollbackTriggerDecider(TriggerRule.defaults(), MAX_AGE).decide(healthyHistory(), NOW);

        assertThat(decision.action()).isEqualTo(TriggerAction.NONE);
        assertThat(decision.withStatus(RuleStatus.OK))
                .hasSize(TriggerRule.defaults().size());
    }

    @Test
    void shouldNotifyAndNameTheMetricWhenDataIsMissing() {
        TriggerDecision decision = new RollbackTriggerDecider(TriggerRule.defaults(), MAX_AGE).decide(List.of(), NOW);

        assertThat(decision.action()).isEqualTo(TriggerAction.NOTIFY);
        assertThat(decision.withStatus(RuleStatus.MISSING))
                .hasSize(TriggerRule.defaults().size());
        assertThat(decision.reason()).contains("errorRate has no sample");
    }

    @Test
    void shouldOnlyNotifyForAWarningRuleFiring() {
        TriggerRule warning = rule("healthCheckFailures", ">=", 1, Duration.ZERO, Severity.WARNING);

        TriggerDecision decision =
                new RollbackTriggerDecider(List.of(warning), MAX_AGE).decide(series("healthCheckFailures", 1), NOW);

        assertThat(decision.action()).isEqualTo(TriggerAction.NOTIFY);
        assertThat(decision.withStatus(RuleStatus.FIRING)).hasSize(1);
    }

    @Test
    void shouldRejectInvalidRules() {
        assertThatThrownBy(() -> rule("errorRate", ">", Double.NaN, Duration.ZERO, Severity.CRITICAL))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rule("errorRate", ">", 1, Duration.ofSeconds(-1), Severity.CRITICAL))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> rule("errorRate", "==", 1, Duration.ZERO, Severity.CRITICAL))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldCarryTheBriefsSeedNumbersAsDefaults() {
        assertThat(TriggerRule.defaults())
                .extracting(TriggerRule::name, TriggerRule::threshold, TriggerRule::forWindow, TriggerRule::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "error-rate", 0.02, Duration.ofMinutes(2), Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(
                                "p95-latency", 1000.0, Duration.ofMinutes(5), Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("health", 3.0, Duration.ZERO, Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("memory", 0.95, Duration.ofMinutes(2), Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("db-pool", 0.95, Duration.ZERO, Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(
                                "error-rate-warning", 0.01, Duration.ofMinutes(5), Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple(
                                "p95-latency-warning", 750.0, Duration.ofMinutes(10), Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("health-warning", 1.0, Duration.ZERO, Severity.WARNING));
    }

    /** 11 minutes of healthy samples every 30 s for every default metric. */
    private static List<MetricSample> healthyHistory() {
        List<MetricSample> history = new ArrayList<>();
        for (int i = 0; i <= 22; i++) {
            Instant at = NOW.minusSeconds(30L * i);
            history.add(new MetricSample("errorRate", at, 0.001));
            history.add(new MetricSample("p95Latency", at, 200));
            history.add(new MetricSample("healthCheckFailures", at, 0));
            history.add(new MetricSample("memory", at, 0.5));
            history.add(new MetricSample("dbPool", at, 0.3));
        }
        return history;
    }
}
