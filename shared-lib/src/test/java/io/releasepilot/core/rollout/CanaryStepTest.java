package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryStepTest {
    private static List<Objective> criteria() {
        return List.of(
                CanaryStep.criterion("errorRate", Comparator.LESS, 0.01, Unit.PERCENT),
                CanaryStep.criterion("p95Latency", Comparator.LESS, 400, Unit.MILLISECONDS));
    }

    private static Observation prometheus(Map<String, Double> values) {
        return Observation.of("prometheus", "http://prometheus:9090", values);
    }

    @Test
    void shouldExplainEachCriterionInTheUnitsTheUserWrote() {
        GateVerdict analysis =
                CanaryStep.analysis(criteria(), List.of(prometheus(Map.of("errorRate", 0.0032, "p95Latency", 512.0))));

        assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(analysis.results())
                .extracting(result -> result.explanation())
                .containsExactly("errorRate = 0.32%, needs < 1%: PASS", "p95Latency = 512ms, needs < 400ms: FAIL");
        assertThat(criteria()).extracting(GateEvaluator::thresholds).containsExactly("< 1%", "< 400ms");
        assertThat(analysis.results())
                .allSatisfy(result -> assertThat(result.origin()).isEqualTo("http://prometheus:9090"));
    }

    @Test
    void shouldFailOnAMissedThresholdEvenWhenAnotherCriterionHasNoData() {
        GateVerdict analysis = CanaryStep.analysis(criteria(), List.of(prometheus(Map.of("errorRate", 0.05))));

        assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldBeInconclusiveWithoutDataNeverPass() {
        Observation down = Observation.unavailable("prometheus", "http://127.0.0.1:1", "connection refused");

        GateVerdict analysis = CanaryStep.analysis(criteria(), List.of(down));

        assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysis.results().get(0).explanation()).contains("connection refused", "< 1%");
        assertThat(CanaryStep.analysis(criteria(), List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldPassAStepWithoutCriteria() {
        assertThat(CanaryStep.analysis(List.of(), List.of()).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void shouldReadHealthCheckFailuresFromTheProbe() {
        Objective health = CanaryStep.criterion("healthCheckFailures", Comparator.LESS, 1, Unit.NUMBER);
        Observation probe = Observation.of("probe", "http://green/healthz", Map.of("healthCheckFailures", 2.0));

        GateVerdict analysis = CanaryStep.analysis(List.of(health), List.of(prometheus(Map.of()), probe));

        assertThat(health.source()).isEqualTo("probe");
        assertThat(analysis.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(analysis.results().get(0).explanation()).isEqualTo("healthCheckFailures = 2, needs < 1: FAIL");
    }

    @Test
    void shouldRejectEqualityForAMetricCriterion() {
        assertThatThrownBy(() -> CanaryStep.criterion("errorRate", Comparator.EQUAL, 0, Unit.PERCENT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("criterion 'errorRate'")
                .hasMessageContaining("use <, <=, > or >=");
    }

    @Test
    void shouldHoldOnlyKeyCriteria() {
        Objective scored = Objective.of("errorRate", "prometheus", "errorRate", Comparator.LESS, 0.01);

        assertThatThrownBy(() -> new CanaryStep(10, Duration.ofMinutes(1), List.of(scored)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key");
    }
}
