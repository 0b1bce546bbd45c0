package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.spec.ReleaseSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ReleasePortsTest {

    @Test
    void shouldQueryTheHostsPrometheusWithTheSpecsQueryAndTokenVariable() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            byte[] body =
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000,\"0.25\"]}]}}"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        prometheus.start();
        try {
            ReleaseSpec spec = ReleaseSessionTest.spec("""
                    service: shop
                    metrics:
                      prometheus:
                        url: http://127.0.0.1:1
                        tokenEnv: PROM_TOKEN
                        queries: { errorRate: 'sum(rate(errors{version="{{version}}"}[1m]))' }
                    """);
            URI host = URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort());
            ReleasePorts ports = ReleasePorts.standard(ReleaseSessionTest.untouchedLedger(), Map.of())
                    .withPrometheus(host, Map.of("PROM_TOKEN", "s3cret"));

            ReleaseSignals signals = ports.signals().apply(spec);
            Observation observed = signals.metrics(List.of("errorRate"), "v2").observe();

            assertThat(observed.value("errorRate")).hasValue(0.25);
            assertThat(seen)
                    .singleElement()
                    .asString()
                    .startsWith("Bearer s3cret ")
                    .contains("errors{version=\"v2\"}");
        } finally {
            prometheus.stop(0);
        }
    }
}
