package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.judge.Direction;
import io.releasepilot.core.judge.JudgeConfig;
import io.releasepilot.core.judge.MetricSamples;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReleaseSignals} adapter must do: give a value for every requested metric name, the measured one
 * for a known metric and NaN for a name, version or backend without data (never an exception, never a made-up
 * value); probe a health check and smoke checks against a real HTTP server, where a wrong status, a closed port and
 * an answer later than the timeout are failed probes; have no health result when none is configured; and never make
 * up judge samples. The contract serves the probe targets itself on loopback. Public because adapters in other
 * modules (the CLI demo) extend it via the test-jar.
 */
public abstract class ReleaseSignalsContractTest {
    private static HttpServer targets;
    private static ExecutorService handlers;

    /** The version the metrics backend has data for. */
    protected abstract String knownVersion();

    /** A metric name the adapter measures for {@link #knownVersion()}. */
    protected abstract String knownMetric();

    /** The value of {@link #knownMetric()} for {@link #knownVersion()}. */
    protected abstract double knownValue();

    /** Signals over the working metrics backend, probing {@code health} (expecting 200) when present. */
    protected abstract ReleaseSignals signals(Optional<URI> health);

    /** Signals whose metrics backend is unreachable or has no data at all. */
    protected abstract ReleaseSignals signalsWithoutBackend();

    @BeforeAll
    static void startProbeTargets() throws IOException {
        handlers = Executors.newCachedThreadPool();
        targets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        targets.setExecutor(handlers);
        targets.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        targets.createContext("/unavailable", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        targets.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        targets.start();
    }

    @AfterAll
    static void stopProbeTargets() {
        targets.stop(0);
        handlers.shutdownNow();
    }

    /** A probe target of the contract's HTTP server: {@code /ok} (200), {@code /unavailable} (503), {@code /slow}. */
    protected static URI target(String path) {
        return URI.create("http://127.0.0.1:" + targets.getAddress().getPort() + path);
    }

    /** A loopback URL nothing listens on. */
    protected static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/health");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldMeasureAKnownMetricOfTheVersion() {
        Map<String, Double> values = signals(Optional.empty()).metrics(List.of(knownMetric()), knownVersion());

        assertThat(values).containsOnlyKeys(knownMetric());
        assertThat(values.get(knownMetric())).isCloseTo(knownValue(), within(1e-9));
    }

    @Test
    void shouldAnswerNaNForEveryNameWithoutData() {
        ReleaseSignals signals = signals(Optional.empty());

        Map<String, Double> values = signals.metrics(List.of("noSuchMetric", knownMetric()), knownVersion());
        Map<String, Double> otherVersion = signals.metrics(List.of(knownMetric()), "0.0.0-never-deployed");

        assertThat(values).containsOnlyKeys("noSuchMetric", knownMetric());
        assertThat(values.get("noSuchMetric")).isNaN();
        assertThat(values.get(knownMetric())).isCloseTo(knownValue(), within(1e-9));
        assertThat(otherVersion).containsOnlyKeys(knownMetric());
        assertThat(otherVersion.get(knownMetric())).isNaN();
        assertThat(signals.metrics(List.of(), knownVersion())).isEmpty();
    }

    @Test
    void shouldAnswerNaNWhenTheBackendIsUnreachable() {
        Map<String, Double> values = signalsWithoutBackend().metrics(List.of(knownMetric()), knownVersion());

        assertThat(values).containsOnlyKeys(knownMetric());
        assertThat(values.get(knownMetric())).isNaN();
    }

    @Test
    void shouldHaveNoHealthResultWithoutAHealthCheck() {
        assertThat(signals(Optional.empty()).probeHealth()).isEmpty();
    }

    @Test
    void shouldProbeTheHealthCheck() {
        assertThat(signals(Optional.of(target("/ok"))).probeHealth()).contains(true);
        assertThat(signals(Optional.of(target("/unavailable"))).probeHealth()).contains(false);
        assertThat(signals(Optional.of(closedPort())).probeHealth()).contains(false);
    }

    @Test
    void shouldProbeSmokeChecksForTheirStatusInTime() {
        ReleaseSignals signals = signals(Optional.empty());
        Duration timeout = Duration.ofSeconds(2);

        assertThat(signals.probe(new RolloutPlan.SmokeCheck(target("/ok"), 200, timeout)))
                .isTrue();
        assertThat(signals.probe(new RolloutPlan.SmokeCheck(target("/unavailable"), 200, timeout)))
                .isFalse();
        assertThat(signals.probe(new RolloutPlan.SmokeCheck(target("/unavailable"), 503, timeout)))
                .isTrue();
        assertThat(signals.probe(new RolloutPlan.SmokeCheck(closedPort(), 200, timeout)))
                .isFalse();
        assertThat(signals.probe(new RolloutPlan.SmokeCheck(target("/slow"), 200, Duration.ofMillis(300))))
                .isFalse();
    }

    @Test
    void shouldNeverMakeUpJudgeSamplesWithoutABackend() {
        JudgePlan judge = new JudgePlan(
                JudgeConfig.defaults(),
                List.of(new JudgePlan.Metric(knownMetric(), "up", Direction.INCREASE, "version")));
        Instant end = Instant.now();

        Optional<List<MetricSamples>> samples = signalsWithoutBackend()
                .judgeSamples(judge, knownVersion(), "0.9.0", end.minus(Duration.ofMinutes(5)), end);

        samples.ifPresent(list -> assertThat(list).allSatisfy(metric -> {
            assertThat(metric.canary()).isEmpty();
            assertThat(metric.baseline()).isEmpty();
        }));
    }
}
