package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    @TempDir
    Path dir;

    private static String completion() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleasePilotCli.run(new PrintWriter(out), new PrintWriter(err), "completion");
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    @Test
    void shouldPrintABashCompletionScriptForTheWholeCommandTree() {
        String script = completion();

        assertThat(script)
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_release-pilot")
                .contains("completion")
                .contains("--help");
    }

    @Test
    void shouldCompleteSubcommandsWhenSourcedIntoBash() throws Exception {
        Path script = dir.resolve("release-pilot-completion.bash");
        Files.writeString(script, completion(), StandardCharsets.UTF_8);
        // Drive the generated function the way bash does on <TAB> after "release-pilot comp".
        String probe = "source '" + script + "'\n"
                + "COMP_WORDS=(release-pilot comp); COMP_CWORD=1; COMP_LINE='release-pilot comp'; COMP_POINT=18\n"
                + "_complete_release-pilot\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", probe)
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output.lines()).contains("completion");
    }
}
