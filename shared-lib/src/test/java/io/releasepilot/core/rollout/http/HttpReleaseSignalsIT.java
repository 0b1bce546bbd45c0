package io.releasepilot.core.rollout.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.judge.JudgeConfig;
import io.releasepilot.core.rollout.JudgePlan;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.ReleaseSignalsContractTest;
import io.releasepilot.core.spec.HealthCheckSpec;
import io.releasepilot.core.testing.ScrapedTarget;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signals contract for {@link HttpReleaseSignals} against the real Prometheus of scripts/services, scraping a
 * /metrics endpoint this test serves (file_sd target): version 2.0.0 at 5 % errors, 1.9.0 at 0.2 %.
 */
class HttpReleaseSignalsIT extends ReleaseSignalsContractTest {
    private static final String JOB =
            "rp-signals-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static ScrapedTarget app;

    @BeforeAll
    static void startScrapedApp() throws Exception {
        app = ScrapedTarget.start(
                JOB,
                () -> "# TYPE rp_signals_error_ratio gauge\n"
                        + "rp_signals_error_ratio{version=\"2.0.0\"} 0.05\n"
                        + "rp_signals_error_ratio{version=\"1.9.0\"} 0.002\n");
        app.awaitScrape(client -> !client.instant("rp_signals_error_ratio{job=\"" + JOB + "\",version=\"2.0.0\"}")
                .isEmpty());
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
    }

    private static PrometheusClient prometheus() {
        return ScrapedTarget.prometheus();
    }

    private static Map<String, String> queries() {
        return Map.of("errorRate", "max(rp_signals_error_ratio{job=\"" + JOB + "\",version=\"{{version}}\"})");
    }

    private static Optional<HealthCheckSpec> healthCheck(Optional<URI> url) {
        return url.map(u -> new HealthCheckSpec(u, 200, Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    @Override
    protected String knownVersion() {
        return "2.0.0";
    }

    @Override
    protected String knownMetric() {
        return "errorRate";
    }

    @Override
    protected double knownValue() {
        return 0.05;
    }

    @Override
    protected ReleaseSignals signals(Optional<URI> health) {
        return new HttpReleaseSignals(Optional.of(prometheus()), queries(), healthCheck(health));
    }

    @Override
    protected ReleaseSignals signalsWithoutBackend() {
        return new HttpReleaseSignals(
                Optional.of(new PrometheusClient(closedPort(), Duration.ofSeconds(1), Optional.empty())),
                queries(),
                Optional.empty());
    }

    @Test
    void shouldMeasureEachVersionWithItsOwnQuery() {
        ReleaseSignals signals = signals(Optional.empty());

        assertThat(signals.metrics(List.of("errorRate"), "1.9.0").observe().value("errorRate"))
                .hasValue(0.002);
        assertThat(signals.metrics(List.of("errorRate"), "2.0.0").observe().value("errorRate"))
                .hasValue(0.05);
    }

    @Test
    void shouldSayWhyThereIsNoValueWithoutPrometheus() {
        ReleaseSignals signals = new HttpReleaseSignals(Optional.empty(), queries(), Optional.empty());

        assertThat(signals.judgeSamples(
                        new JudgePlan(JudgeConfig.defaults(), List.of()),
                        "2.0.0",
                        "1.9.0",
                        Instant.now().minusSeconds(60),
                        Instant.now()))
                .isEmpty();
        assertThat(signals.metrics(List.of("errorRate"), "2.0.0").observe().unavailable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("metrics.prometheus.url is not set"));
    }
}
