package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateEvaluatorTest {

    private static Observation reports(double failed, double line, double vulnerabilities) {
        return Observation.of("r", "reports.xml", Map.of("failed", failed, "line", line, "vulns", vulnerabilities));
    }

    private static List<Objective> objectives() {
        return List.of(
                Objective.of("tests", "r", "failed", Comparator.LESS_OR_EQUAL, 0)
                        .withWeight(2)
                        .asKey(),
                Objective.of("coverage", "r", "line", Comparator.GREATER_OR_EQUAL, 0.9)
                        .withWarning(0.8),
                Objective.of("vulns", "r", "vulns", Comparator.LESS_OR_EQUAL, 0));
    }

    @ParameterizedTest
    @CsvSource({
        // failed, line, vulns, verdict, score
        "0, 0.95, 0, PASS, 100",
        "0, 0.85, 0, WARNING, 87.5",
        "0, 0.70, 0, WARNING, 75",
        "0, 0.70, 1, FAIL, 50",
        "1, 0.95, 0, FAIL, 50",
    })
    void shouldScoreLikeKeptn(double failed, double line, double vulns, Verdict verdict, double score) {
        GateVerdict result =
                GateEvaluator.evaluate(GatesPolicy.defaults(), objectives(), List.of(reports(failed, line, vulns)));

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.score()).isEqualTo(score);
    }

    @Test
    void shouldFailOnAFailedKeyObjectiveWhateverTheScore() {
        List<Objective> objectives = List.of(
                Objective.of("tests", "r", "failed", Comparator.LESS_OR_EQUAL, 0)
                        .asKey(),
                Objective.of("coverage", "r", "line", Comparator.GREATER_OR_EQUAL, 0.9)
                        .withWeight(100));
        GatesPolicy lenient = new GatesPolicy(1, 0, true, List.of());

        GateVerdict result = GateEvaluator.evaluate(lenient, objectives, List.of(reports(3, 0.99, 0)));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.reason()).contains("tests");
        assertThat(result.score()).isGreaterThan(90);
    }

    @Test
    void shouldBeInconclusiveWhenASourceIsUnavailableAndThatBlocks() {
        Observation down = Observation.unavailable("prometheus", "http://127.0.0.1:1", "connection refused");
        List<Objective> objectives = List.of(
                Objective.of("tests", "r", "failed", Comparator.LESS_OR_EQUAL, 0),
                Objective.of("errors", "prometheus", "errorRate", Comparator.LESS, 0.01));

        GateVerdict result =
                GateEvaluator.evaluate(GatesPolicy.defaults(), objectives, List.of(reports(0, 1, 0), down));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        ObjectiveResult errors = result.results().get(1);
        assertThat(errors.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(errors.value()).isEmpty();
        assertThat(errors.explanation()).contains("connection refused").contains("< 0.01");
        assertThat(errors.origin()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void shouldLeaveDataLessObjectivesOutOfTheScoreWhenInconclusiveDoesNotBlock() {
        GatesPolicy policy = new GatesPolicy(90, 75, false, List.of());
        List<Objective> objectives = List.of(
                Objective.of("tests", "r", "failed", Comparator.LESS_OR_EQUAL, 0),
                Objective.of("errors", "prometheus", "errorRate", Comparator.LESS, 0.01));

        GateVerdict result = GateEvaluator.evaluate(policy, objectives, List.of(reports(0, 1, 0)));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.totals().inconclusive()).isEqualTo(1);
        assertThat(result.reason()).contains("left out");
    }

    @Test
    void shouldNeverPassWithoutAnyData() {
        GatesPolicy policy = new GatesPolicy(90, 75, false, List.of());
        List<Objective> objectives = List.of(Objective.of("errors", "prometheus", "errorRate", Comparator.LESS, 1));

        assertThat(GateEvaluator.evaluate(policy, objectives, List.of()).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(GateEvaluator.evaluate(policy, List.of(), List.of()).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldBlockOnAKeyObjectiveWithoutDataEvenWhenInconclusiveDoesNotBlock() {
        GatesPolicy policy = new GatesPolicy(90, 75, false, List.of());
        List<Objective> objectives = List.of(
                Objective.of("tests", "r", "failed", Comparator.LESS_OR_EQUAL, 0),
                Objective.of("errors", "prometheus", "errorRate", Comparator.LESS, 1)
                        .asKey());

        GateVerdict result = GateEvaluator.evaluate(policy, objectives, List.of(reports(0, 1, 0)));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.reason()).contains("errors");
    }

    @Test
    void shouldExplainEveryResultWithValueAndThreshold() {
        GateVerdict result = GateEvaluator.evaluate(GatesPolicy.defaults(), objectives(), List.of(reports(0, 0.85, 0)));

        ObjectiveResult coverage = result.results().get(1);
        assertThat(coverage.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(coverage.explanation()).isEqualTo("line = 0.85, needs >= 0.9 (warning >= 0.8): WARNING");
        assertThat(coverage.origin()).isEqualTo("reports.xml");
    }

    @Test
    void shouldTreatNaNAsNoData() {
        Observation nan = Observation.of("r", "x", Map.of("failed", Double.NaN));

        ObjectiveResult result = GateEvaluator.evaluate(objectives().get(0), List.of(nan));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
