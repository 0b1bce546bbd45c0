package io.releasepilot.core.traffic.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.testing.HaproxyProcess;
import io.releasepilot.core.traffic.TrafficRouterContractTest;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router contract for the command router, whose user program is a shell script driving a real HAProxy through
 * socat: the kind of script a user writes for a balancer Release Pilot has no adapter for.
 */
class CommandTrafficRouterIT extends TrafficRouterContractTest {
    @TempDir
    static Path dir;

    private static SampleService v1;
    private static SampleService v2;
    private static HaproxyProcess haproxy;
    private static Path script;

    @BeforeAll
    static void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        haproxy = HaproxyProcess.start(
                dir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)));
        script = dir.resolve("set-weights.sh");
        Files.writeString(
                script,
                "#!/bin/bash\n"
                        + "set -euo pipefail\n"
                        + "sock=$1\n"
                        + "if [ \"$2\" = get ]; then\n"
                        + "  [ \"$RP_ROUTER_ACTION\" = get ]\n"
                        + "  echo 'show servers state app' | socat stdio unix-connect:$sock"
                        + " | awk '$4==\"blue\"{b=$8} $4==\"green\"{g=$8} END{print b, g}'\n"
                        + "else\n"
                        + "  [ \"$RP_STABLE_WEIGHT\" = \"$2\" ] && [ \"$RP_CANARY_WEIGHT\" = \"$3\" ]\n"
                        + "  echo \"set server app/blue weight $2; set server app/green weight $3\""
                        + " | socat stdio unix-connect:$sock\n"
                        + "fi\n");
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
    protected TrafficRouterSettings settings() {
        return new TrafficRouterSettings.Command(
                List.of("bash", script.toString(), haproxy.socket().toString()), Duration.ofSeconds(10));
    }

    @Override
    protected String expectedType() {
        return "command";
    }

    @Override
    protected Optional<URI> frontend() {
        return Optional.of(haproxy.uri());
    }

    @Test
    void shouldQuoteTheProgramsOutputWhenItFails() {
        CommandTrafficRouter router = new CommandTrafficRouter(new TrafficRouterSettings.Command(
                List.of("bash", "-c", "echo balancer said no >&2; exit 7", "x"), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> router.apply(TrafficSplit.canary(5)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("exited 7")
                .hasMessageContaining("balancer said no");
    }

    @Test
    void shouldKillAProgramThatOutlivesItsTimeout() {
        CommandTrafficRouter router = new CommandTrafficRouter(
                new TrafficRouterSettings.Command(List.of("sleep", "30"), Duration.ofMillis(300)));

        assertThatThrownBy(() -> router.apply(TrafficSplit.canary(5)))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("did not finish within");
    }

    @Test
    void shouldPassWeightsAsSeparateArgumentsNeverThroughAShell() throws Exception {
        Path seen = dir.resolve("argv.txt");
        CommandTrafficRouter router = new CommandTrafficRouter(new TrafficRouterSettings.Command(
                List.of(
                        "bash",
                        "-c",
                        "if [ \"$1\" = get ]; then cat \"$0\"; else echo \"$1 $2\" > \"$0\"; fi",
                        seen.toString()),
                Duration.ofSeconds(5)));

        router.apply(TrafficSplit.canary(25));

        assertThat(Files.readString(seen).strip()).isEqualTo("75 25");
        assertThat(router.current().split()).isEqualTo(TrafficSplit.canary(25));
    }

    @Test
    void shouldPassTheReleaseVariablesToTheProgram() throws Exception {
        Path seen = dir.resolve("router-env.txt");
        Path recording = Files.writeString(
                dir.resolve("recording.sh"),
                "#!/bin/bash\nenv | grep '^RP_' | sort >> " + seen + "\nexec bash " + script + " \"$@\"\n");
        CommandTrafficRouter router = new CommandTrafficRouter(new TrafficRouterSettings.Command(
                List.of("bash", recording.toString(), haproxy.socket().toString()), Duration.ofSeconds(10)));
        router.releaseEnvironment(java.util.Map.of("RP_VERSION", "9.1.0", "RP_SLOT", "green", "RP_ROUTER_ACTION", "x"));

        router.apply(TrafficSplit.canary(20));

        assertThat(Files.readAllLines(seen))
                .contains("RP_VERSION=9.1.0", "RP_SLOT=green", "RP_CANARY_WEIGHT=20", "RP_ROUTER_ACTION=set")
                .contains("RP_ROUTER_ACTION=get")
                .doesNotContain("RP_ROUTER_ACTION=x");
        router.apply(TrafficSplit.ALL_STABLE);
    }
}
