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

    /** A canary that nothing can hold or roll back: steps without criteria, no metrics source for the triggers. */
    private Path blindCanary() throws IOException {
        return Files.writeString(dir.resolve("release-pilot.yml"), """
                version: 1
                service: shop
                environments: [{ name: staging }]
                strategy:
                  type: canary
                  canary:
                    steps:
                      - { weight: 50%, duration: 1m }
                      - { weight: 100%, duration: 0s }
                    judge: { enabled: false }
                traffic:
                  router: command
                  command: { run: ["./route.sh"] }
                """);
    }

    /** The blind canary with {@code onMissingData: continue} written out: promoting blind on purpose. */
    private Path blindCanaryOnPurpose() throws IOException {
        return Files.writeString(
                blindCanary(), Files.readString(blindCanary()) + "rollback:\n  onMissingData: continue\n");
    }

    @Test
    void shouldRefuseACanaryWithoutSignalUnlessContinueIsWrittenOut() throws IOException {
        Path file = blindCanary();

        Run run = run("validate", "--spec", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .startsWith(file + ":7:5: strategy.canary.steps: the canary has no signal: no step has criteria")
                .contains("metrics.prometheus and metrics.healthCheck are not configured")
                .contains("write 'rollback: { onMissingData: continue }'")
                .contains("1 problem(s) in " + file);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldWarnLoudlyAboutACanaryWithoutSignalThatContinuesOnPurpose() throws IOException {
        Path file = blindCanaryOnPurpose();

        Run run = run("validate", "--spec", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err())
                .startsWith(file + ":7:5: strategy.canary.steps: WARNING: the canary has no signal: no step has"
                        + " criteria")
                .contains("metrics.prometheus and metrics.healthCheck are not configured")
                .contains("it would go to 100 % and succeed without looking at any data")
                .contains("(add criteria to the steps");
        assertThat(run.out().strip()).startsWith("OK ").endsWith(", 1 warning(s) above");
    }

    @Test
    void shouldListTheWarningsAndRefusalsInJson() throws IOException {
        Run refused = run("validate", "--spec", blindCanary().toString(), "--format", "json");
        Run blind = run("validate", "--spec", blindCanaryOnPurpose().toString(), "--format", "json");
        Run example = run("validate", "--spec", EXAMPLE.toString(), "--format", "json");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out())
                .contains("\"valid\":false")
                .contains("\"problems\":[{")
                .contains("\"message\":\"the canary has no signal");
        assertThat(blind.exit()).isZero();
        assertThat(blind.out())
                .contains("\"valid\":true")
                .contains("\"warnings\":[{")
                .contains("\"line\":7")
                .contains("\"path\":\"strategy.canary.steps\"")
                .contains("\"message\":\"WARNING: the canary has no signal");
        assertThat(example.out()).contains("\"warnings\":[]");
    }

    @Test
    void shouldNotWarnWhenTheCanaryHasCriteria() throws IOException {
        Path file = Files.writeString(
                blindCanary(),
                Files.readString(blindCanary())
                        .replace("duration: 1m }", "duration: 1m, criteria: { errorRate: \"< 1%\" } }"));

        Run run = run("validate", "--spec", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void shouldRejectAnUnknownFormatAsBadInput() {
        assertThat(run("validate", "--format", "xml").exit()).isEqualTo(2);
    }
}
