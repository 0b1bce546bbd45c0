package io.releasepilot.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class CanaryJudgeTest {

    private static double[] normal(long seed, int n, double mean, double sd) {
        Random random = new Random(seed);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = mean + sd * random.nextGaussian();
        }
        return samples;
    }

    @Test
    void shouldPassIdenticalDistributions() {
        MetricSamples latency =
                MetricSamples.of("latency", Direction.INCREASE, normal(1, 500, 200, 20), normal(2, 500, 200, 20));

        JudgeResult result = CanaryJudge.judge(JudgeConfig.defaults(), List.of(latency));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.score()).isEqualTo(100);
        MetricComparison comparison = result.metrics().get(0);
        assertThat(comparison.baselineMedian()).isCloseTo(200, within(5.0));
        assertThat(comparison.explanation())
                .contains("median canary")
                .contains("p = ")
                .contains("PASS");
    }

    @Test
    void shouldFailAFiftyPercentIncrease() {
        MetricSamples latency =
                MetricSamples.of("latency", Direction.INCREASE, normal(1, 500, 300, 20), normal(2, 500, 200, 20));

        JudgeResult result = CanaryJudge.judge(JudgeConfig.defaults(), List.of(latency));

        MetricComparison comparison = result.metrics().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.score()).isZero();
        assertThat(comparison.effectSize()).isCloseTo(0.5, within(0.05));
        assertThat(comparison.pValue()).isLessThan(0.02);
        assertThat(comparison.explanation()).contains("+5").contains("FAIL");
    }

    @Test
    void shouldPassAnIncreaseWhenOnlyDecreasesAreBad() {
        MetricSamples throughput =
                MetricSamples.of("rps", Direction.DECREASE, normal(1, 500, 300, 20), normal(2, 500, 200, 20));

        assertThat(CanaryJudge.compare(JudgeConfig.defaults(), throughput).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(CanaryJudge.compare(
                                JudgeConfig.defaults(),
                                MetricSamples.of(
                                        "rps", Direction.EITHER, normal(1, 500, 300, 20), normal(2, 500, 200, 20)))
                        .verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldPassASignificantChangeWithinTheAllowedEffectSize() {
        MetricSamples latency =
                MetricSamples.of("latency", Direction.INCREASE, normal(1, 5000, 210, 5), normal(2, 5000, 200, 5));

        MetricComparison comparison = CanaryJudge.compare(JudgeConfig.defaults(), latency);

        assertThat(comparison.pValue()).isLessThan(0.001);
        assertThat(comparison.verdict()).isEqualTo(Verdict.PASS);
        assertThat(comparison.explanation()).contains("within the allowed");
    }

    @Test
    void shouldBeInconclusiveWithTooFewSamples() {
        MetricSamples latency =
                MetricSamples.of("latency", Direction.INCREASE, normal(1, 9, 900, 20), normal(2, 500, 200, 20));

        JudgeResult result = CanaryJudge.judge(JudgeConfig.defaults(), List.of(latency));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.metrics().get(0).explanation()).contains("too few samples");
        assertThat(CanaryJudge.judge(JudgeConfig.defaults(), List.of()).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldRemoveOutliersBeforeJudging() {
        double[] canary = normal(1, 200, 200, 10);
        canary = Arrays.copyOf(canary, 260);
        Arrays.fill(canary, 200, 260, 1_000_000);
        MetricSamples latency = MetricSamples.of("latency", Direction.INCREASE, canary, normal(2, 200, 200, 10));
        JudgeConfig keepAll = new JudgeConfig(0.98, 0.25, 10, 95, 75, 0);

        MetricComparison cleaned = CanaryJudge.compare(JudgeConfig.defaults(), latency);
        MetricComparison raw = CanaryJudge.compare(keepAll, latency);

        assertThat(cleaned.canaryOutliers()).isEqualTo(60);
        assertThat(cleaned.canaryCount()).isEqualTo(200);
        assertThat(cleaned.verdict()).isEqualTo(Verdict.PASS);
        assertThat(raw.canaryOutliers()).isZero();
        assertThat(raw.canaryMedian()).isGreaterThan(cleaned.canaryMedian());
    }

    @Test
    void shouldAggregateIntoPassMarginalAndFailScores() {
        List<MetricSamples> fourGoodOneBad = List.of(
                MetricSamples.of("a", Direction.INCREASE, normal(1, 100, 10, 1), normal(2, 100, 10, 1)),
                MetricSamples.of("b", Direction.INCREASE, normal(3, 100, 10, 1), normal(4, 100, 10, 1)),
                MetricSamples.of("c", Direction.INCREASE, normal(5, 100, 10, 1), normal(6, 100, 10, 1)),
                MetricSamples.of("d", Direction.INCREASE, normal(7, 100, 10, 1), normal(8, 100, 10, 1)),
                MetricSamples.of("e", Direction.INCREASE, normal(9, 100, 20, 1), normal(10, 100, 10, 1)));

        JudgeResult result = CanaryJudge.judge(JudgeConfig.defaults(), fourGoodOneBad);

        assertThat(result.score()).isEqualTo(80);
        assertThat(result.verdict()).isEqualTo(Verdict.WARNING);
        List<MetricSamples> critical = List.of(
                fourGoodOneBad.get(0),
                new MetricSamples("e", Direction.INCREASE, true, normal(9, 100, 20, 1), normal(10, 100, 10, 1)));
        assertThat(CanaryJudge.judge(JudgeConfig.defaults(), critical).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldMatchCommonsMathMannWhitneyWithoutTies() {
        double[] x = normal(11, 300, 100, 10);
        double[] y = normal(12, 250, 102, 10);
        double expected = new MannWhitneyUTest().mannWhitneyUTest(x, y);
        Arrays.sort(x);
        Arrays.sort(y);

        assertThat(CanaryJudge.mannWhitneyPValue(x, y)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void shouldGiveOneForIdenticalConstantSamples() {
        double[] zeros = new double[50];

        assertThat(CanaryJudge.mannWhitneyPValue(zeros, zeros)).isEqualTo(1);
        assertThat(CanaryJudge.compare(
                                JudgeConfig.defaults(), MetricSamples.of("errors", Direction.INCREASE, zeros, zeros))
                        .verdict())
                .isEqualTo(Verdict.PASS);
    }
}
