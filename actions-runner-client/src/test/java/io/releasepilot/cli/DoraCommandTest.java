package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoraCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path deployments() throws Exception {
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String json = "[\n"
                + entry("checkout", base, "SUCCEEDED", base.minus(Duration.ofHours(1)), false) + ",\n"
                + entry("checkout", base.plus(Duration.ofDays(1)), "ROLLED_BACK", base, false) + ",\n"
                + entry("checkout", base.plus(Duration.ofDays(1).plusMinutes(6)), "SUCCEEDED", base, true) + ",\n"
                + entry("search", base.plus(Duration.ofDays(2)), "SUCCEEDED", base, false) + "\n]";
        Path file = dir.resolve("deployments.json");
        Files.writeString(file, json);
        return file;
    }

    private static String entry(String service, Instant finished, String outcome, Instant firstCommit, boolean hotfix) {
        return "{\"service\":\"" + service + "\",\"environment\":\"production\",\"version\":\"1.0.0\","
                + "\"started\":\"" + finished.minus(Duration.ofMinutes(3)) + "\",\"finished\":\"" + finished + "\","
                + "\"outcome\":\"" + outcome + "\",\"firstCommitAt\":\"" + firstCommit + "\",\"hotfix\":" + hotfix
                + "}";
    }

    @Test
    void shouldAskForAServiceBeforeReadingTheLedger() {
        Run run = run("dora", "--since", "30d");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--service").contains("--from-file");
    }

    @Test
    void shouldReportFromAFileForOneService() throws Exception {
        Run run = run(
                "dora",
                "--since",
                "30d",
                "--service",
                "checkout",
                "--from-file",
                deployments().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("DORA metrics for checkout in production")
                .contains("(3 deployments)")
                .contains("Time to restore service")
                .contains("6 minutes");
    }

    @Test
    void shouldRenderJsonAndMarkdown() throws Exception {
        Path file = deployments();
        Run json = run("dora", "--since", "30d", "--format", "json", "--from-file", file.toString());
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"metric\" : \"CHANGE_FAILURE_RATE\"").contains("\"deployments\" : 4");
        Run markdown = run("dora", "--since", "12h", "--format", "markdown", "--from-file", file.toString());
        assertThat(markdown.out()).contains("| Deployment frequency | no data |");
    }

    @Test
    void shouldExitTwoForBadInput() throws Exception {
        assertThat(run("dora", "--since", "soon", "--from-file", deployments().toString())
                        .exit())
                .isEqualTo(2);
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"service\":\"x\"}]");
        Run run = run("dora", "--since", "30d", "--from-file", broken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("broken.json[0]: missing 'environment'");
    }
}
