package io.releasepilot.core.traffic.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.testing.HaproxyProcess;
import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouterContractTest;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router contract and HAProxy specifics against a real HAProxy (own process) in front of v1 and v2. */
class HaproxyTrafficRouterIT extends TrafficRouterContractTest {
    @TempDir
    static Path dir;

    private static SampleService v1;
    private static SampleService v2;
    private static HaproxyProcess haproxy;

    @BeforeAll
    static void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        // Initial weights 100/0 as in a real config: percentage weights would be relative to these and break green.
        haproxy = HaproxyProcess.start(
                dir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)));
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        v1.close();
        v2.close();
    }

    @Override
    protected TrafficRouterSettings.Haproxy settings() {
        return haproxy.settings("blue", "green");
    }

    @Override
    protected String expectedType() {
        return "haproxy";
    }

    @Override
    protected Optional<URI> frontend() {
        return Optional.of(haproxy.uri());
    }

    @Test
    void shouldGiveGreenTrafficAlthoughItsInitialWeightIsZero() throws Exception {
        HaproxyTrafficRouter router = new HaproxyTrafficRouter(settings());

        router.apply(TrafficSplit.canary(100));

        assertThat(router.servers().get("green").weight()).isEqualTo(100);
        assertThat(VersionProbe.count(haproxy.uri(), 10)).isEqualTo(Map.of("v2", 10));
    }

    @Test
    void shouldLeaveADrainedServerOutInsteadOfReadyingIt() throws Exception {
        HaproxyTrafficRouter router = new HaproxyTrafficRouter(settings());
        router.apply(TrafficSplit.canary(50));
        router.setState("green", HaproxyTrafficRouter.AdminState.DRAIN);
        assertThat(router.current().canaryServing()).isFalse();
        assertThat(router.verify(TrafficSplit.canary(50))).isFalse();

        // The whole target slot is drained: it cannot be given traffic, and it is never readied behind the operator.
        assertThatThrownBy(() -> router.apply(TrafficSplit.canary(50)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("target slot");
        assertThat(router.servers().get("green").adminState()).isEqualTo(HaproxyTrafficRouter.AdminState.DRAIN);

        router.setState("green", HaproxyTrafficRouter.AdminState.READY);
        router.apply(TrafficSplit.canary(50));
        assertThat(router.verify(TrafficSplit.canary(50))).isTrue();
    }

    @Test
    void shouldSpreadASlotsShareExactlyOverItsPoolAndLeaveMaintenanceOut() throws Exception {
        Path poolDir = dir.resolve("pool");
        java.nio.file.Files.createDirectories(poolDir);
        try (SampleService v1b = SampleService.start("v1b");
                HaproxyProcess pool = HaproxyProcess.start(
                        poolDir,
                        List.of(
                                new HaproxyProcess.Server("blue1", v1.port(), 100),
                                new HaproxyProcess.Server("blue2", v1b.port(), 100),
                                new HaproxyProcess.Server("green1", v2.port(), 0)))) {
            java.util.Map<String, List<String>> slots = new java.util.LinkedHashMap<>();
            slots.put("blue", List.of("blue1", "blue2"));
            slots.put("green", List.of("green1"));
            HaproxyTrafficRouter router = new HaproxyTrafficRouter(new TrafficRouterSettings.Haproxy(
                    pool.socket(),
                    null,
                    "app",
                    io.releasepilot.core.traffic.SlotPools.from(new io.releasepilot.core.spec.SlotsSpec(slots)),
                    Duration.ofSeconds(2)));
            waitUntilUp(router);

            RouterState state = router.apply(TrafficSplit.canary(10));

            assertThat(state.split()).isEqualTo(TrafficSplit.canary(10));
            assertThat(state.shares()).containsExactly(Map.entry("blue", 90), Map.entry("green", 10));
            assertThat(router.servers().get("blue1").weight()).isEqualTo(90);
            assertThat(router.servers().get("blue2").weight()).isEqualTo(90);
            assertThat(router.servers().get("green1").weight()).isEqualTo(20);
            Map<String, Integer> counts = VersionProbe.count(pool.uri(), 200);
            assertThat(counts.get("v2")).isBetween(18, 22);
            assertThat(counts.get("v1") + counts.get("v1b")).isBetween(178, 182);

            // blue2 in maintenance: left out of blue's share, never given traffic, the share still exact.
            router.setState("blue2", HaproxyTrafficRouter.AdminState.MAINT);
            state = router.apply(TrafficSplit.canary(25));
            assertThat(state.split()).isEqualTo(TrafficSplit.canary(25));
            assertThat(router.servers().get("blue2").weight()).isZero();
            assertThat(router.servers().get("blue2").adminState()).isEqualTo(HaproxyTrafficRouter.AdminState.MAINT);
            assertThat(VersionProbe.count(pool.uri(), 200)).doesNotContainKey("v1b");

            // The ledger says green is live: the same split now means green 75 / blue 25.
            state = router.withLive("green").apply(TrafficSplit.canary(100));
            assertThat(state.shares()).containsExactly(Map.entry("green", 0), Map.entry("blue", 100));
            assertThat(VersionProbe.count(pool.uri(), 50)).isEqualTo(Map.of("v1", 50));
        }
    }

    private static void waitUntilUp(HaproxyTrafficRouter router) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline
                && !router.servers().values().stream().allMatch(HaproxyTrafficRouter.ServerState::up)) {
            Thread.sleep(100);
        }
    }

    @Test
    void shouldWorkOverTcpToo() throws Exception {
        // The runtime API over TCP is the same protocol; a second HAProxy with a TCP stats socket proves the path.
        int apiPort = HaproxyProcess.freePort();
        Path tcpDir = dir.resolve("tcp");
        java.nio.file.Files.createDirectories(tcpDir);
        try (HaproxyProcess tcp = HaproxyProcess.start(
                tcpDir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)),
                "127.0.0.1:" + apiPort)) {
            HaproxyTrafficRouter router = new HaproxyTrafficRouter(new TrafficRouterSettings.Haproxy(
                    null, "127.0.0.1:" + apiPort, "app", "blue", "green", Duration.ofSeconds(2)));

            router.apply(TrafficSplit.canary(25));

            assertThat(router.current().split()).isEqualTo(TrafficSplit.canary(25));
        }
    }

    @Test
    void shouldNameTheMissingServer() {
        HaproxyTrafficRouter router = new HaproxyTrafficRouter(new TrafficRouterSettings.Haproxy(
                haproxy.socket(), null, "app", "blue", "purple", Duration.ofSeconds(2)));

        assertThatThrownBy(() -> router.apply(TrafficSplit.canary(5)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("no server 'purple'");
    }

    @Test
    void shouldFailWithinTheTimeoutWhenTheSocketIsGone() {
        HaproxyTrafficRouter router = new HaproxyTrafficRouter(new TrafficRouterSettings.Haproxy(
                dir.resolve("nothing.sock"), null, "app", "blue", "green", Duration.ofSeconds(1)));

        assertThatThrownBy(router::current)
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("cannot reach the HAProxy runtime API");
    }
}
