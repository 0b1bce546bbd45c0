package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Prometheus rules (docs/alerts) pass their promtool unit tests, and the example Alertmanager config is
 * valid. promtool and amtool come with the services (scripts/services installs them); a missing tool fails the test.
 */
class AlertRulesTest {
    private static final Path ALERTS = TestServices.repositoryRoot().resolve("docs/alerts");

    @Test
    void shouldPassThePromtoolUnitTestsOfTheShippedRules() throws Exception {
        Result result = run(ALERTS, "promtool", "test", "rules", "release-pilot-rules.test.yml");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldFailThePromtoolUnitTestsWhenAThresholdChanges(@TempDir Path dir) throws Exception {
        String rules = Files.readString(ALERTS.resolve("release-pilot-rules.yml"));
        Files.writeString(dir.resolve("release-pilot-rules.yml"), rules.replace("> 0.02", "> 0.05"));
        Files.copy(ALERTS.resolve("release-pilot-rules.test.yml"), dir.resolve("release-pilot-rules.test.yml"));

        Result result = run(dir, "promtool", "test", "rules", "release-pilot-rules.test.yml");

        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ReleasePilotErrorRateHigh");
    }

    @Test
    void shouldLabelEveryRuleWithSeverityAndTrigger() throws Exception {
        String rules = Files.readString(ALERTS.resolve("release-pilot-rules.yml"));
        long alerts =
                rules.lines().filter(l -> l.strip().startsWith("- alert:")).count();

        assertThat(alerts).isEqualTo(6);
        assertThat(rules.lines().filter(l -> l.contains("severity: critical"))).hasSize(4);
        assertThat(rules.lines().filter(l -> l.contains("severity: warning"))).hasSize(2);
        assertThat(rules.lines().filter(l -> l.contains("by (") && !l.contains("service, environment")))
                .isEmpty();
    }

    @Test
    void shouldShipAValidAlertmanagerConfig() throws Exception {
        Result result = run(ALERTS, "amtool", "check-config", "alertmanager.yml");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish within 60 s");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
