package io.releasepilot.core.gate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeGateSourceTest extends GateSourceContractTest {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;

    private URI serve() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/healthz", exchange -> {
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/healthz");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/healthz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpProbeGateSource probe(URI url) {
        return new HttpProbeGateSource("health", url, 200, 3, Duration.ofMillis(500), Duration.ofMillis(10));
    }

    @Override
    protected GateSource createSource() {
        return probe(serve());
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        return probe(closedPort());
    }

    @Override
    protected String knownMetric() {
        return "health";
    }

    @Override
    protected void verifyWithoutInput(Observation observation) {
        assertThat(observation.value("health")).hasValue(3);
        assertThat(observation.value("health.healthy")).hasValue(0);
        assertThat(observation.origin()).contains("last failure");
    }

    @Test
    void shouldCountConsecutiveFailuresUntilTheFirstSuccess() {
        failuresLeft.set(2);

        Observation observation = probe(serve()).observe();

        assertThat(observation.value("health")).hasValue(2);
        assertThat(observation.value("health.healthy")).hasValue(1);
    }
}
