package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.ObjectiveResult;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.probe.HttpProbeGateSource;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.judge.JudgeConfig;
import io.releasepilot.core.judge.MetricSamples;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Direction;
import io.releasepilot.core.release.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReleaseSignals} adapter must do: give the named metrics of a version as a {@code prometheus} gate
 * source whose observation holds the measured value of a known metric and no value (with a reason) for a version or
 * backend without data, so objectives on it are INCONCLUSIVE, never an exception and never a made-up value; give the
 * health check as a {@code probe} source that is healthy only when the real HTTP target answered the expected status
 * in time (a wrong status, a closed port and a late answer are failed checks), and no health source when none is
 * configured; and never make up judge samples. The contract serves the probe targets itself on loopback. Public
 * because adapters in other modules (the CLI demo) extend it via the test-jar.
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

    /** Signals over the working metrics backend, probing {@code health} (expecting 200, timeout under 3 s) if present. */
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

    private static ObjectiveResult anyValue(Observation observation, String metric) {
        return GateEvaluator.evaluate(
                Objective.of(
                        "any", observation.source(), metric, Comparator.GREATER_OR_EQUAL, Double.NEGATIVE_INFINITY),
                List.of(observation));
    }

    @Test
    void shouldMeasureAKnownMetricOfTheVersionAsAPrometheusSource() {
        GateSource metrics = signals(Optional.empty()).metrics(List.of(knownMetric()), knownVersion());

        Observation observation = metrics.observe();

        assertThat(metrics.type()).isEqualTo(PrometheusGateSource.TYPE);
        assertThat(observation.source()).isEqualTo(PrometheusGateSource.TYPE);
        assertThat(observation.origin()).isNotBlank();
        assertThat(observation.value(knownMetric()).getAsDouble()).isCloseTo(knownValue(), within(1e-9));
    }

    @Test
    void shouldHaveNoValueForANameOrAVersionWithoutData() {
        ReleaseSignals signals = signals(Optional.empty());

        Observation named = signals.metrics(List.of("noSuchMetric", knownMetric()), knownVersion())
                .observe();
        Observation otherVersion =
                signals.metrics(List.of(knownMetric()), "0.0.0-never-deployed").observe();

        assertThat(named.value("noSuchMetric")).isEmpty();
        assertThat(named.value(knownMetric())).isPresent();
        assertThat(otherVersion.value(knownMetric())).isEmpty();
        assertThat(otherVersion.reasonMissing(knownMetric()))
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        assertThat(anyValue(otherVersion, knownMetric()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldHaveNoValueWhenTheBackendIsUnreachable() {
        Observation observation = signalsWithoutBackend()
                .metrics(List.of(knownMetric()), knownVersion())
                .observe();

        assertThat(observation.value(knownMetric())).isEmpty();
        assertThat(anyValue(observation, knownMetric()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void shouldHaveNoHealthSourceWithoutAHealthCheck() {
        assertThat(signals(Optional.empty()).health()).isEmpty();
    }

    @Test
    void shouldProbeTheHealthCheckAsAProbeSource() {
        GateSource healthy = signals(Optional.of(target("/ok"))).health().orElseThrow();

        assertThat(healthy.type()).isEqualTo(HttpProbeGateSource.TYPE);
        assertThat(ReleaseSignals.healthy(healthy.observe(), ReleaseSignals.HEALTH_CHECK))
                .isTrue();
    }

    @Test
    void shouldFailTheHealthCheckOnAWrongStatusAClosedPortOrALateAnswer() {
        for (URI url : List.of(target("/unavailable"), closedPort(), target("/slow"))) {
            GateSource health = signals(Optional.of(url)).health().orElseThrow();

            assertThat(ReleaseSignals.healthy(health.observe(), ReleaseSignals.HEALTH_CHECK))
                    .as("health of %s", url)
                    .isFalse();
        }
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
