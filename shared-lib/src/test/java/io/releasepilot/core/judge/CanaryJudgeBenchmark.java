package io.releasepilot.core.judge;

import io.releasepilot.core.release.Direction;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Timed main for bench/benchmarks/judge: one judge decision on 2 × 100k samples, after warm-up, against a plain sort
 * of the same samples as the baseline. Prints {@code judge_ms=… sort_ms=… verdict=…}.
 */
final class CanaryJudgeBenchmark {

    private CanaryJudgeBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(7);
        double[] canary = new double[n];
        double[] baseline = new double[n];
        for (int i = 0; i < n; i++) {
            canary[i] = 200 + 20 * random.nextGaussian();
            baseline[i] = 200 + 20 * random.nextGaussian();
        }
        List<MetricSamples> metrics = List.of(MetricSamples.of("latency", Direction.INCREASE, canary, baseline));
        JudgeConfig config = JudgeConfig.defaults();
        JudgeResult result = null;
        for (int i = 0; i < 15; i++) {
            result = CanaryJudge.judge(config, metrics);
            sort(canary, baseline);
        }
        int runs = 21;
        long[] judge = new long[runs];
        long[] sort = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = CanaryJudge.judge(config, metrics);
            judge[i] = System.nanoTime() - start;
            start = System.nanoTime();
            sort(canary, baseline);
            sort[i] = System.nanoTime() - start;
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "judge_ms=%.3f sort_ms=%.3f verdict=%s%n",
                median(judge) / 1e6,
                median(sort) / 1e6,
                result.verdict());
    }

    private static double sort(double[] canary, double[] baseline) {
        double[] a = canary.clone();
        double[] b = baseline.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return a[a.length / 2] + b[b.length / 2];
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
