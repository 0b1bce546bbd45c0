package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasePilotCliInputsTest {

    @Test
    void shouldRejectMalformedRpInputsWithExitCodeTwoAndNoStackTrace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = ReleasePilotCli.run(
                RunnerEnvironment.of(Map.of("RP_INPUTS", "{\"github-token\":\"ghs_secret\"")),
                new PrintWriter(out),
                new PrintWriter(err),
                "completion");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error: RP_INPUTS is not valid JSON")
                .doesNotContain("ghs_secret", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRunCommandsWithARunnerEnvironment() {
        StringWriter out = new StringWriter();

        int code = ReleasePilotCli.run(
                RunnerEnvironment.of(Map.of("GITHUB_ACTIONS", "true", "RP_INPUTS", "{\"version\":\"1.4.0\"}")),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "completion");

        assertThat(code)
                .as("an input named version must not switch on --version")
                .isZero();
        assertThat(out.toString()).contains("complete -F _complete_release-pilot");
    }
}
