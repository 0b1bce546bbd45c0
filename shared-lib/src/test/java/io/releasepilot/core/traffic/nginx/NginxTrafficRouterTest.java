package io.releasepilot.core.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NginxTrafficRouterTest {
    private static final NginxTrafficRouter ROUTER = new NginxTrafficRouter(new TrafficRouterSettings.Nginx(
            "app",
            Path.of("/tmp/never-written.conf"),
            "127.0.0.1:8081",
            "127.0.0.1:8082",
            List.of("keepalive 16"),
            List.of("nginx", "-t"),
            List.of("nginx", "-s", "reload"),
            Duration.ofSeconds(5)));

    @ParameterizedTest(name = "canary {0} % round-trips through the rendered file")
    @ValueSource(ints = {0, 1, 5, 25, 50, 75, 99, 100})
    void shouldReadBackWhatItRenders(int canary) {
        String text = ROUTER.render(TrafficSplit.canary(canary));

        assertThat(ROUTER.parse(text).split()).isEqualTo(TrafficSplit.canary(canary));
        assertThat(text).doesNotContain("weight=0").contains("keepalive 16;");
        if (canary == 0) {
            assertThat(text).contains("server 127.0.0.1:8082 down;");
        }
        if (canary == 100) {
            assertThat(text).contains("server 127.0.0.1:8081 down;");
        }
    }
}
