package io.releasepilot.core.traffic.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.TrafficRouterContractTest;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router contract against a real in-process proxy in front of real HTTP services v1 and v2. */
class EmbeddedTrafficRouterIT extends TrafficRouterContractTest {
    private static SampleService v1;
    private static SampleService v2;
    private static EmbeddedProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        proxy = EmbeddedProxy.start(v1.uri(), v2.uri(), 0);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        v1.close();
        v2.close();
    }

    @Override
    protected TrafficRouterSettings settings() {
        return new TrafficRouterSettings.Embedded(proxy.adminUri(), Duration.ofSeconds(2));
    }

    @Override
    protected String expectedType() {
        return "embedded";
    }

    @Override
    protected Optional<URI> frontend() {
        return Optional.of(proxy.frontendUri());
    }

    @Test
    void shouldSpreadTheCanarysShareEvenly() throws Exception {
        router().apply(TrafficSplit.canary(25));

        assertThat(VersionProbe.count(proxy.frontendUri(), 20)).isEqualTo(Map.of("v1", 15, "v2", 5));
    }

    @Test
    void shouldAnswerBadGatewayWhenABackendIsDown() throws Exception {
        try (SampleService gone = SampleService.start("gone");
                EmbeddedProxy broken = EmbeddedProxy.start(URI.create("http://127.0.0.1:1"), gone.uri(), 0)) {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(broken.frontendUri())
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
        }
    }

    @Test
    void shouldFailWithTheEndpointWhenTheProxyIsGone() {
        var router = new EmbeddedTrafficRouter(
                new TrafficRouterSettings.Embedded(URI.create("http://127.0.0.1:1"), Duration.ofMillis(500)));

        assertThatThrownBy(router::current)
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
