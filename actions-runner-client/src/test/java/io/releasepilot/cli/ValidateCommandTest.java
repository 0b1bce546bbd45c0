package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.spec.BadSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {
    static final Path EXAMPLE = Path.of("../docs/release-pilot.example.yml");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static List<BadSpecs.Case> badSpecs() {
        return BadSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldExitTwoWithOneLinePerProblemAndNoStackTrace(BadSpecs.Case bad) throws IOException {
        Path file = Files.write(dir.resolve("release-pilot.yml"), bad.content());

        Run run = run("validate", "--spec", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains(file + ":" + bad.line() + ":" + bad.column() + ": ")
                .contains(bad.message());
        assertThat(run.err() + run.out()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldAcceptTheExampleWithAOneLineSummary() {
        Run run = run("validate", "--spec", EXAMPLE.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .startsWith("OK ")
                .contains("service checkout")
                .doesNotContain("\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldExitTwoWithAClearMessageForAMissingFile() {
        Run run = run("validate", "--spec", dir.resolve("missing.yml").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("missing.yml: no such file").doesNotContain("Exception");
    }

    @Test
    void shouldExitTwoForADirectory() {
        Run run = run("validate", "--spec", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void shouldPrintProblemsAsJson() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yml"), "service: checkout\nservce: x\n");

        Run run = run("validate", "--spec", file.toString(), "--format", "json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains("\"valid\":false")
                .contains("\"line\":2")
                .contains("\"hint\":\"did you mean 'service'?\"");
    }

    @Test
    void shouldPrintTheSpecHashAsJsonWhenValid() {
        Run run = run("validate", "--spec", EXAMPLE.toString(), "--format", "json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"valid\":true").containsPattern("\"specHash\":\"[0-9a-f]{64}\"");
    }

    @Test
    void shouldRejectAnUnknownFormatAsBadInput() {
        assertThat(run("validate", "--format", "xml").exit()).isEqualTo(2);
    }
}
