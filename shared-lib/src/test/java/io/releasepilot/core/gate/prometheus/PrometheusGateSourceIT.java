package io.releasepilot.core.gate.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.GatesPolicy;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.judge.CanaryJudge;
import io.releasepilot.core.judge.JudgeConfig;
import io.releasepilot.core.judge.JudgeResult;
import io.releasepilot.core.judge.MetricSamples;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.testing.ScrapedTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real Prometheus of scripts/services, scraping a /metrics endpoint this test serves (file_sd target,
 * 1 s scrape): two versions, v1 around 200 ms and v2 around 300 ms latency, v1 0.2 % errors.
 */
class PrometheusGateSourceIT extends GateSourceContractTest {

    private static final String JOB =
            "rp-gate-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Random RANDOM = new Random(42);
    private static ScrapedTarget app;

    @BeforeAll
    static void startScrapedApp() throws Exception {
        app = ScrapedTarget.start(
                JOB,
                () -> "# TYPE rp_gate_latency_ms gauge\n"
                        + "rp_gate_latency_ms{version=\"v1\"} " + (200 + RANDOM.nextGaussian() * 10) + "\n"
                        + "rp_gate_latency_ms{version=\"v2\"} " + (300 + RANDOM.nextGaussian() * 10) + "\n"
                        + "# TYPE rp_gate_error_ratio gauge\n"
                        + "rp_gate_error_ratio{version=\"v1\"} 0.002\n"
                        + "rp_gate_error_ratio{version=\"v2\"} 0.05\n");
        // Twelve scrapes per version are enough for minSamples 10 in the judge test.
        app.awaitScrape(client ->
                client.instant("count_over_time(rp_gate_latency_ms{job=\"" + JOB + "\",version=\"v2\"}[1m])").stream()
                        .anyMatch(series -> series.lastValue() >= 12));
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
    }

    private static PrometheusClient client() {
        return ScrapedTarget.prometheus();
    }

    private static Map<String, String> queries() {
        return Map.of(
                "errorRate", "max(rp_gate_error_ratio{job=\"" + JOB + "\",version=\"{{version}}\"})",
                "p95Latency", "max(rp_gate_latency_ms{job=\"" + JOB + "\",version=\"{{version}}\"})",
                "twoSeries", "rp_gate_latency_ms{job=\"" + JOB + "\"}",
                "none", "rp_gate_does_not_exist{job=\"" + JOB + "\"}");
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Override
    protected GateSource createSource() {
        return new PrometheusGateSource(client(), queries(), "v1");
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        try {
            return new PrometheusGateSource(
                    new PrometheusClient(closedPort(), Duration.ofSeconds(1), Optional.empty()), queries(), "v1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String knownMetric() {
        return "errorRate";
    }

    @Test
    void shouldEvaluatePromQlObjectivesPerVersion() {
        Objective errorRate = Objective.of("error-rate", "prometheus", "errorRate", Comparator.LESS, 0.01)
                .withWarning(0.02);

        Observation stable = new PrometheusGateSource(client(), queries(), "v1").observe();
        Observation canary = new PrometheusGateSource(client(), queries(), "v2").observe();

        assertThat(stable.value("errorRate")).hasValue(0.002);
        assertThat(stable.value("p95Latency").getAsDouble()).isBetween(100.0, 260.0);
        assertThat(stable.reasonMissing("twoSeries"))
                .hasValueSatisfying(r -> assertThat(r).contains("2 series"));
        assertThat(stable.reasonMissing("none"))
                .hasValueSatisfying(r -> assertThat(r).contains("no data"));
        GateVerdict pass = GateEvaluator.evaluate(GatesPolicy.defaults(), List.of(errorRate), List.of(stable));
        GateVerdict fail = GateEvaluator.evaluate(GatesPolicy.defaults(), List.of(errorRate), List.of(canary));
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.results().get(0).explanation()).contains("errorRate = 0.05");
    }

    @Test
    void shouldJudgeCanarySamplesFromARangeQuery() {
        Instant end = Instant.now();
        VersionSamples latency = client().versionSamples(
                        "rp_gate_latency_ms{job=\"" + JOB + "\"}",
                        "version",
                        "v2",
                        "v1",
                        end.minusSeconds(30),
                        end,
                        Duration.ofSeconds(1));
        VersionSamples errors = client().versionSamples(
                        "max(rp_gate_error_ratio{job=\"" + JOB + "\",version=\"{{version}}\"})",
                        "version",
                        "v1",
                        "v1",
                        end.minusSeconds(30),
                        end,
                        Duration.ofSeconds(1));

        JudgeResult result = CanaryJudge.judge(
                JudgeConfig.defaults(),
                List.of(
                        MetricSamples.of("latency", Direction.INCREASE, latency.canary(), latency.baseline()),
                        MetricSamples.of("errors", Direction.INCREASE, errors.canary(), errors.baseline())));

        assertThat(latency.canary().length).isGreaterThanOrEqualTo(10);
        assertThat(latency.baseline().length).isGreaterThanOrEqualTo(10);
        assertThat(result.metrics().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.metrics().get(1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldBeInconclusiveWithinTheTimeoutWhenPrometheusHangs() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            PrometheusClient hanging = new PrometheusClient(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(800), Optional.empty());
            long start = System.nanoTime();

            Observation observation = new PrometheusGateSource(hanging, queries(), "v1").observe();

            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(observation.unavailable())
                    .hasValueSatisfying(r -> assertThat(r).contains("unreachable"));
            assertThat(elapsedMs).isLessThan(3_000);
        }
    }

    @Test
    void shouldBeInconclusiveWhenPrometheusIsDown() throws Exception {
        Observation observation = createSourceWithoutInput().observe();
        Objective errorRate = Objective.of("error-rate", "prometheus", "errorRate", Comparator.LESS, 0.01);

        GateVerdict verdict = GateEvaluator.evaluate(GatesPolicy.defaults(), List.of(errorRate), List.of(observation));

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.results().get(0).explanation()).contains("unreachable");
    }
}
