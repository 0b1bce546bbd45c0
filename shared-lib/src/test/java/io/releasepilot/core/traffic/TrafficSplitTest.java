package io.releasepilot.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficSplitTest {
    @ParameterizedTest(name = "stable {0} / canary {1} is valid")
    @CsvSource({"100,0", "0,100", "95,5", "50,50", "1,99"})
    void shouldAcceptWeightsThatSumToHundred(int stable, int canary) {
        assertThat(new TrafficSplit(stable, canary).canary()).isEqualTo(canary);
        assertThat(TrafficSplit.canary(canary)).isEqualTo(new TrafficSplit(stable, canary));
    }

    @ParameterizedTest(name = "stable {0} / canary {1} is rejected")
    @CsvSource({"101,-1", "-1,101", "50,49", "100,100", "0,0", "200,-100"})
    void shouldRejectInvalidWeights(int stable, int canary) {
        assertThatThrownBy(() -> new TrafficSplit(stable, canary))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stable=" + stable);
    }

    @Test
    void shouldRejectInvalidRouterSettings() {
        Duration t = Duration.ofSeconds(2);
        assertThatThrownBy(() -> new TrafficRouterSettings.Haproxy(null, null, "app", "blue", "green", t))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one of socket or address");
        assertThatThrownBy(() -> new TrafficRouterSettings.Haproxy(null, "nohost", "app", "blue", "green", t))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficRouterSettings.Haproxy(Path.of("/s"), null, "app", "blue", "blue", t))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficRouterSettings.Command(List.of(), t))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficRouterSettings.Command(List.of("x"), Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficRouterSettings.Nginx(
                        "app",
                        Path.of("/f"),
                        "a:1",
                        "b:2",
                        List.of("x { }"),
                        List.of("nginx", "-t"),
                        List.of("nginx", "-s", "reload"),
                        t))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldBuildEveryListedRouterFromItsSettings() {
        Duration t = Duration.ofSeconds(2);
        List<TrafficRouterSettings> settings = List.of(
                new TrafficRouterSettings.Haproxy(Path.of("/run/haproxy.sock"), null, "app", "blue", "green", t),
                new TrafficRouterSettings.Nginx(
                        "app",
                        Path.of("/tmp/u.conf"),
                        "a:1",
                        "b:2",
                        List.of(),
                        List.of("nginx", "-t"),
                        List.of("nginx", "-s", "reload"),
                        t),
                new TrafficRouterSettings.Command(List.of("./set-weights.sh"), t),
                new TrafficRouterSettings.Embedded(java.net.URI.create("http://127.0.0.1:1"), t));

        assertThat(settings)
                .extracting(s -> TrafficRouterRegistry.create(s).type())
                .containsExactlyElementsOf(TrafficRouterRegistry.TYPES);
    }
}
