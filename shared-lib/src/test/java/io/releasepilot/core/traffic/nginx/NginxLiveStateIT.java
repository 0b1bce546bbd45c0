package io.releasepilot.core.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.testing.LocalProcess;
import io.releasepilot.core.testing.NginxProcess;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NGINX router reading back what a real NGINX has loaded (its status server), not only the file it rendered: a
 * reload that was not done, or that failed, shows the previous weights.
 */
@Timeout(60)
class NginxLiveStateIT {
    @TempDir
    Path dir;

    private SampleService v1;
    private SampleService v2;
    private NginxProcess nginx;
    private String status;

    @BeforeEach
    void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        nginx = NginxProcess.start(dir, v1.port(), v2.port());
        status = "127.0.0.1:" + LocalProcess.freePort();
    }

    @AfterEach
    void stop() {
        nginx.close();
        v1.close();
        v2.close();
    }

    private TrafficRouterSettings.Nginx settings(List<String> reload) {
        TrafficRouterSettings.Nginx base = nginx.settings(v1.port(), v2.port());
        return new TrafficRouterSettings.Nginx(
                base.upstream(),
                base.file(),
                base.slots(),
                base.directives(),
                base.testCommand(),
                reload,
                Duration.ofSeconds(5),
                status);
    }

    private static RouterState awaitLoaded(NginxTrafficRouter router, TrafficSplit split) throws InterruptedException {
        RouterState state = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                state = router.current();
                if (state.split().equals(split)) {
                    return state;
                }
            } catch (TrafficRouterException notYet) {
                // the status server appears with the first reload
            }
            Thread.sleep(50);
        }
        throw new AssertionError("NGINX never loaded " + split + "; last read " + state);
    }

    @Test
    void shouldReadTheWeightsNginxHasLoaded() throws Exception {
        NginxTrafficRouter router = new NginxTrafficRouter(settings(nginx.reloadCommand()));

        router.apply(TrafficSplit.canary(25));

        RouterState state = awaitLoaded(router, TrafficSplit.canary(25));
        assertThat(state.detail()).contains("NGINX has loaded generation", ", the file's");
        assertThat(Files.readString(nginx.upstreamFile())).contains("location = " + NginxLiveState.PATH);
    }

    @Test
    void shouldShowThePreviousWeightsWhenTheReloadWasNotDone() throws Exception {
        NginxTrafficRouter reloading = new NginxTrafficRouter(settings(nginx.reloadCommand()));
        reloading.apply(TrafficSplit.canary(10));
        awaitLoaded(reloading, TrafficSplit.canary(10));
        // A reload command that does nothing: the file changes, NGINX does not.
        NginxTrafficRouter notReloading = new NginxTrafficRouter(settings(List.of("true")));

        RouterState after = notReloading.apply(TrafficSplit.canary(50));

        assertThat(after.split()).isEqualTo(TrafficSplit.canary(10));
        RouterState read = notReloading.current();
        assertThat(read.split()).isEqualTo(TrafficSplit.canary(10));
        assertThat(read.detail()).contains("a reload failed or was not done", "stable 50 % / canary 50 %");
        assertThat(Files.readString(nginx.upstreamFile())).contains("weight=50");
    }

    @Test
    void shouldReloadAgainWhenTheFileIsRightButNginxRunsAnOlderGeneration() throws Exception {
        NginxTrafficRouter reloading = new NginxTrafficRouter(settings(nginx.reloadCommand()));
        reloading.apply(TrafficSplit.canary(10));
        awaitLoaded(reloading, TrafficSplit.canary(10));
        new NginxTrafficRouter(settings(List.of("true"))).apply(TrafficSplit.canary(50));

        reloading.apply(TrafficSplit.canary(50));

        assertThat(awaitLoaded(reloading, TrafficSplit.canary(50)).detail()).contains(", the file's");
    }

    @Test
    void shouldSayWhenNginxHasNeverLoadedTheStatusServer() throws Exception {
        NginxTrafficRouter notReloading = new NginxTrafficRouter(settings(List.of("true")));

        assertThatThrownBy(() -> notReloading.apply(TrafficSplit.canary(10)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("reload failed or not done");
    }
}
