package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReleasePilotCliTest {

    @Test
    void shouldPrintHelpWithTheExitCodes() {
        Result result = run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("Usage: release-pilot")
                .contains("Exit codes:")
                .contains("3");
    }

    @Test
    void shouldPrintItsVersion() {
        Result result = run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("release-pilot ");
    }

    @Test
    void shouldExitTwoWithASuggestionForAnUnknownCommand() {
        Result result = run("valdiate");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("error:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoWithoutACommand() {
        Result result = run();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command");
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleasePilotCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {}
}
