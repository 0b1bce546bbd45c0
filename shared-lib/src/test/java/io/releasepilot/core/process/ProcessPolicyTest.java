package io.releasepilot.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessPolicyTest {
    private static final Map<String, String> HOST = Map.of(
            "PATH", "/opt/bin:/usr/bin",
            "HOME", "/home/runner",
            "GITHUB_TOKEN", "ghs_0123456789abcdef",
            "RP_DATABASE_PASSWORD", "ledger-pass-1",
            "PROM_TOKEN", "prom-bearer-xyz",
            "DEPLOY_REGION", "eu-west-1",
            "SHORT_TOKEN", "abc",
            "MY_DB_PW", "named-by-spec");

    @Test
    void shouldPassOnlyPathHomeTheAllowListAndTheReleaseVariables() {
        ProcessPolicy policy = ProcessPolicy.of(HOST, List.of("DEPLOY_REGION", "NOT_SET"), List.of());

        ProcessRequest request =
                policy.request(List.of("deploy"), Map.of("RP_VERSION", "1.2.3"), Duration.ofSeconds(1));

        assertThat(request.environment())
                .containsOnly(
                        Map.entry("PATH", "/opt/bin:/usr/bin"),
                        Map.entry("HOME", "/home/runner"),
                        Map.entry("DEPLOY_REGION", "eu-west-1"),
                        Map.entry("RP_VERSION", "1.2.3"));
    }

    @Test
    void shouldMaskNamedSecretsAndSecretLookingVariables() {
        ProcessPolicy policy = ProcessPolicy.of(HOST, List.of(), List.of("MY_DB_PW", "UNSET_SECRET"));

        String masked =
                policy.mask().mask("ghs_0123456789abcdef ledger-pass-1 prom-bearer-xyz named-by-spec eu-west-1 abc");

        assertThat(masked).isEqualTo("**** **** **** **** eu-west-1 abc");
    }

    @Test
    void shouldRefuseAReleaseVariableThatIsNotTheReleases() {
        ProcessPolicy policy = ProcessPolicy.of(HOST, List.of(), List.of());

        assertThatThrownBy(
                        () -> policy.request(List.of("x"), Map.of("LD_PRELOAD", "/tmp/evil.so"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LD_PRELOAD");
    }

    @Test
    void shouldRefuseAnAllowListEntryThatIsNotAName() {
        assertThatThrownBy(() -> ProcessPolicy.of(HOST, List.of("A=B"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A=B");
    }

    @Test
    void shouldGiveAnIsolatedProgramADefaultPathAndNothingElse() {
        ProcessRequest request =
                ProcessPolicy.ISOLATED.request(List.of("nginx", "-t"), Map.of(), Duration.ofSeconds(1));

        assertThat(request.environment()).containsOnlyKeys("PATH");
        assertThat(request.toString()).doesNotContain("/usr/local/sbin");
    }
}
