package io.releasepilot.cli.demo;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.rollout.ReleaseSignalsContractTest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The signals contract for the demo's client-side signals: a real load generator against an HTTP server of this test
 * that answers every request as version v2 with 200 (so v2's error rate is exactly 0), and a second generator aimed
 * at a closed port (no answers, so no data).
 */
class ObservedReleaseSignalsIT extends ReleaseSignalsContractTest {
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static HttpServer app;
    private static LoadGenerator load;
    private static LoadGenerator nowhere;

    @BeforeAll
    static void startLoad() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = "sample-service v2\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        load = LoadGenerator.start(
                URI.create("http://127.0.0.1:" + app.getAddress().getPort()), 40);
        nowhere = LoadGenerator.start(closedPort(), 10);
        Instant deadline = Instant.now().plusSeconds(30);
        // Enough answers of v2 for a value: the signals have no value below their minimum sample count.
        while (new ObservedReleaseSignals(load, WINDOW, Optional.empty())
                .metrics(List.of("errorRate"), "v2")
                .observe()
                .value("errorRate")
                .isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the load generator got no answers within 30 s");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopLoad() {
        load.close();
        nowhere.close();
        app.stop(0);
    }

    @Override
    protected String knownVersion() {
        return "v2";
    }

    @Override
    protected String knownMetric() {
        return "errorRate";
    }

    @Override
    protected double knownValue() {
        return 0.0;
    }

    @Override
    protected ReleaseSignals signals(Optional<URI> health) {
        return new ObservedReleaseSignals(load, WINDOW, health);
    }

    @Override
    protected ReleaseSignals signalsWithoutBackend() {
        return new ObservedReleaseSignals(nowhere, WINDOW, Optional.empty());
    }
}
