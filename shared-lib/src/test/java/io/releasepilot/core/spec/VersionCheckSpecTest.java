package io.releasepilot.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.rollout.VerifyPlan;
import io.releasepilot.core.rollout.VersionCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code versionCheck} and {@code traffic.onReadBackMismatch} as the reader binds them. */
class VersionCheckSpecTest {
    private static final String TRAFFIC = "traffic:\n  router: haproxy\n"
            + "  haproxy: { socket: /run/haproxy.sock, backend: app, stable: blue, canary: green }\n";

    private static Validated<ReleaseSpec> read(String extra) {
        return SpecReader.read("release-pilot.yml", "version: 1\nservice: shop\n" + TRAFFIC + extra);
    }

    @Test
    void shouldBindAVersionCheckPerServerOfTheTarget() {
        Validated<ReleaseSpec> spec = read("versionCheck:\n  url: \"http://{{address}}/version\"\n"
                + "  servers: [\"127.0.0.1:8082\", \"127.0.0.1:8083\"]\n  jsonPath: $.version\n  timeout: 1s\n");

        assertThat(spec.problems()).isEmpty();
        VersionCheckSpec check = spec.value().versionCheck().orElseThrow();
        assertThat(check.expectStatus()).isEqualTo(200);
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(VersionCheck.from(check).targets())
                .extracting(t -> t.url().toString())
                .containsExactly("http://127.0.0.1:8082/version", "http://127.0.0.1:8083/version");
        VerifyPlan plan = VerifyPlan.from(spec.value(), (url, timeout) -> {
            throw new AssertionError("not fetched");
        });
        assertThat(plan.slot()).isEqualTo("green");
        assertThat(plan.slotServers()).containsExactly("127.0.0.1:8082", "127.0.0.1:8083");
        assertThat(plan.onReadBackMismatch()).isEqualTo(ReadBackAction.PAUSE);
    }

    @Test
    void shouldLeaveTheServersOfATemplateToTheTargetSlot() {
        Validated<ReleaseSpec> spec = read("versionCheck:\n  url: \"http://{{address}}/version\"\n  header: X-V\n");

        assertThat(spec.problems()).isEmpty();
        assertThat(VerifyPlan.from(spec.value(), (url, timeout) -> {
                            throw new AssertionError("not fetched");
                        })
                        .slotServers())
                .as("empty: the engine asks the router for the target slot's addresses")
                .isEmpty();
    }

    @Test
    void shouldRefuseNoneOrTwoWaysOfReadingTheVersion() {
        Validated<ReleaseSpec> none = read("versionCheck:\n  url: \"http://127.0.0.1:8082/\"\n");
        Validated<ReleaseSpec> two =
                read("versionCheck:\n  url: \"http://127.0.0.1:8082/\"\n  header: X-V\n" + "  regex: \"(v\\\\d+)\"\n");

        assertThat(none.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("nothing says where the version is"));
        assertThat(two.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("only one of regex, jsonPath and header"));
    }

    @Test
    void shouldRefuseABadRegexServerOrJsonPath() {
        Validated<ReleaseSpec> spec = read("versionCheck:\n  url: \"http://{{address}}/v\"\n"
                + "  servers: [\"nohost\"]\n  regex: \"(unclosed\"\n");
        Validated<ReleaseSpec> path = read("versionCheck:\n  url: \"ftp://x:1/\"\n  jsonPath: \"$..[0]\"\n");

        assertThat(spec.problems())
                .extracting(Problem::path)
                .containsExactly("versionCheck.servers[0]", "versionCheck.regex");
        assertThat(path.problems())
                .extracting(Problem::path)
                .containsExactly("versionCheck.url", "versionCheck.jsonPath");
    }

    @Test
    void shouldReadWhatAReadBackMismatchDoes() {
        Validated<ReleaseSpec> spec = SpecReader.read(
                "release-pilot.yml",
                "version: 1\nservice: shop\n"
                        + TRAFFIC.replace("traffic:\n", "traffic:\n  onReadBackMismatch: rollback\n"));
        Validated<ReleaseSpec> bad = SpecReader.read(
                "release-pilot.yml",
                "version: 1\nservice: shop\n"
                        + TRAFFIC.replace("traffic:\n", "traffic:\n  onReadBackMismatch: ignore\n"));

        assertThat(spec.value().traffic().orElseThrow().onReadBackMismatch()).isEqualTo(ReadBackAction.ROLLBACK);
        assertThat(bad.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("traffic.onReadBackMismatch"));
        assertThat(List.of(ReadBackAction.values())).hasSize(2);
    }
}
