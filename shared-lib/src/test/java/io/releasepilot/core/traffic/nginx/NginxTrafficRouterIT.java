package io.releasepilot.core.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.testing.NginxProcess;
import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.TrafficRouterContractTest;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router contract and NGINX specifics against a real NGINX master (own process) in front of v1 and v2. */
class NginxTrafficRouterIT extends TrafficRouterContractTest {
    @TempDir
    static Path dir;

    private static SampleService v1;
    private static SampleService v2;
    private static NginxProcess nginx;

    @BeforeAll
    static void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        nginx = NginxProcess.start(dir, v1.port(), v2.port());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        v1.close();
        v2.close();
    }

    @Override
    protected TrafficRouterSettings.Nginx settings() {
        return nginx.settings(v1.port(), v2.port());
    }

    @Override
    protected String expectedType() {
        return "nginx";
    }

    @Override
    protected Optional<URI> frontend() {
        return Optional.of(nginx.uri());
    }

    @Test
    void shouldRenderWeightZeroAsDown() throws Exception {
        new NginxTrafficRouter(nginx.settings(v1.port(), v2.port())).apply(TrafficSplit.ALL_STABLE);

        String file = Files.readString(nginx.upstreamFile());

        assertThat(file).contains("server 127.0.0.1:" + v2.port() + " down;").doesNotContain("weight=0");
        assertThat(file)
                .contains("server 127.0.0.1:" + v1.port() + " weight=100;")
                .contains("keepalive 32;");
    }

    @Test
    void shouldRestoreTheOldFileAndQuoteNginxWhenTheTestFails() throws Exception {
        NginxTrafficRouter good = new NginxTrafficRouter(settings());
        good.apply(TrafficSplit.canary(25));
        String before = Files.readString(nginx.upstreamFile());
        TrafficRouterSettings.Nginx base = nginx.settings(v1.port(), v2.port());
        NginxTrafficRouter broken = new NginxTrafficRouter(new TrafficRouterSettings.Nginx(
                base.upstream(),
                base.file(),
                base.slots(),
                List.of("no_such_directive 1"),
                base.testCommand(),
                base.reloadCommand(),
                base.timeout()));

        assertThatThrownBy(() -> broken.apply(TrafficSplit.canary(75)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("NGINX rejected")
                .hasMessageContaining("no_such_directive");

        assertThat(Files.readString(nginx.upstreamFile())).isEqualTo(before);
        assertThat(good.current().split()).isEqualTo(TrafficSplit.canary(25));
        Map<String, Integer> counts = VersionProbe.await(nginx.uri(), 40, round -> round.size() == 2);
        assertThat(counts.keySet()).containsExactlyInAnyOrder("v1", "v2");
    }
}
