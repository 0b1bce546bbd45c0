package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.cli.github.FakeGitHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate} as a GitHub Actions step: runner files, annotations, masks and the commit status. */
class GateActionsTest {

    static final String TOKEN = "ghs_gateToken0123456789SECRET";
    static final String SHA = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d";
    private static final Pattern HEREDOC = Pattern.compile("(?m)^([^\\n<=]+)<<(\\S+)\\R(.*?)\\R\\2$", Pattern.DOTALL);

    @TempDir
    Path dir;

    private FakeGitHub github;

    @BeforeEach
    void startGitHub() throws IOException {
        github = new FakeGitHub("/api/v3");
        github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
        github.on("POST", "/repos/acme/shop/statuses/" + SHA, github.json(201, "commit-status-created.json"));
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    /** The variables a runner sets for a step, with the action's inputs in RP_INPUTS. */
    static Map<String, String> runnerEnv(Path dir, String apiUrl, String inputsJson) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_ACTOR", "octocat");
        env.put("GITHUB_REPOSITORY", "acme/shop");
        env.put("GITHUB_SERVER_URL", "https://ghe.example.com");
        env.put("GITHUB_API_URL", apiUrl);
        env.put("GITHUB_RUN_ID", "77");
        env.put("GITHUB_SHA", SHA);
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("RP_INPUTS", inputsJson);
        return env;
    }

    static Map<String, String> outputs(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return outputs;
        }
        Matcher matcher = HEREDOC.matcher(Files.readString(file));
        while (matcher.find()) {
            outputs.put(matcher.group(1), matcher.group(3));
        }
        return outputs;
    }

    private Path failingReport(int failing) throws IOException {
        StringBuilder xml = new StringBuilder("<testsuite name=\"com.acme.CartTest\">\n");
        xml.append("  <testcase classname=\"com.acme.CartTest\" name=\"ok\"/>\n");
        for (int i = 1; i <= failing; i++) {
            xml.append("  <testcase classname=\"com.acme.CartTest\" name=\"case")
                    .append(i)
                    .append("\" file=\"src/test/java/com/acme/CartTest.java\" line=\"")
                    .append(10 + i)
                    .append("\"><failure message=\"expected ")
                    .append(i)
                    .append("\"/></testcase>\n");
        }
        Path report = dir.resolve("TEST-cart.xml");
        Files.writeString(report, xml.append("</testsuite>\n").toString());
        return report;
    }

    private record Run(int exit, String out, String err) {}

    private Run gate(Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(
                RunnerEnvironment.of(env), new PrintWriter(out, true), new PrintWriter(err, true), "gate");
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void shouldWriteOutputsSummaryCappedAnnotationsAndTheCommitStatus() throws Exception {
        Path report = failingReport(60);
        String inputs = new ObjectMapper()
                .writeValueAsString(
                        Map.of("junit", report.toString(), "commit-status", "true", "github-token", TOKEN, "spec", ""));

        Run run = gate(runnerEnv(dir, github.baseUrl(), inputs));

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).as("the mask comes before anything else").isEqualTo("::add-mask::" + TOKEN);
        assertThat(lines.stream().filter(l -> l.contains(TOKEN)))
                .as("the token appears only in its mask")
                .hasSize(1);
        assertThat(run.out()).contains("::group::Quality gate report");
        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(50);
        assertThat(run.out())
                .contains("::error file=src/test/java/com/acme/CartTest.java,line=11,title=com.acme.CartTest.case1::"
                        + "expected 1")
                .contains("::notice title=Release Pilot::10 more annotation(s) not shown");
        Map<String, String> outputs = outputs(dir.resolve("output"));
        assertThat(outputs)
                .containsEntry("result", "failed")
                .containsEntry("verdict", "FAIL")
                .containsKeys("score", "summary", "report-file");
        assertThat(Files.readString(Path.of(outputs.get("report-file")))).contains("FAIL");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("FAIL").contains("|");
        List<FakeGitHub.Sent> writes =
                github.sent().stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).path()).isEqualTo("/api/v3/repos/acme/shop/statuses/" + SHA);
        JsonNode body = new ObjectMapper().readTree(writes.get(0).body());
        assertThat(body.get("state").asText()).isEqualTo("failure");
        assertThat(body.get("context").asText()).isEqualTo("release-pilot/gate");
        assertThat(body.get("description").asText()).startsWith("Quality gate FAIL");
        assertThat(body.get("target_url").asText()).isEqualTo("https://ghe.example.com/acme/shop/actions/runs/77");
    }

    @Test
    void shouldKeepTheVerdictsExitCodeWhenGitHubFails() throws Exception {
        github.on(
                "POST",
                "/repos/acme/shop/statuses/" + SHA,
                new MockResponse.Builder()
                        .code(403)
                        .body("{\"message\":\"Resource not accessible by integration\"}")
                        .build());
        Path report = failingReport(0);
        String inputs = "{\"junit\": \"" + report + "\", \"commit-status\": \"true\"}";

        Run run = gate(runnerEnv(dir, github.baseUrl(), inputs));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("::warning title=Release Pilot::GitHub API: cannot set the release-pilot/gate commit status");
        assertThat(outputs(dir.resolve("output"))).containsEntry("result", "passed");
    }

    @Test
    void shouldPrintNoWorkflowCommandsOutsideActions() throws Exception {
        Path report = failingReport(3);
        Map<String, String> env = runnerEnv(dir, github.baseUrl(), "{}");
        env.remove("GITHUB_ACTIONS");
        StringWriter out = new StringWriter();

        int exit = ReleasePilotCli.run(
                RunnerEnvironment.of(env),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "gate",
                "--junit",
                report.toString(),
                "--commit-status");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("::");
        assertThat(dir.resolve("output")).doesNotExist();
        assertThat(github.sent()).isEmpty();
    }

    @Test
    void shouldUseTheSeedGatesWhenTheSpecInputIsLeftAtItsDefaultAndNoSuchFileExists() throws Exception {
        assertThat(Path.of(GateCommand.ACTION_DEFAULT_SPEC))
                .as("no spec in the working directory")
                .doesNotExist();
        Path report = failingReport(0);
        // As the action passes them: spec at its default, junit set, everything else empty.
        String inputs = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "spec",
                        "release-pilot.yml",
                        "environment",
                        "",
                        "junit",
                        report.toString(),
                        "commit-status",
                        "false"));

        Run run = gate(runnerEnv(dir, github.baseUrl(), inputs));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("::notice title=Release Pilot%3A seed gates::No release-pilot.yml in the workspace (the"
                        + " default of input spec), so the seed gates apply");
        assertThat(outputs(dir.resolve("output")))
                .containsEntry("result", "passed")
                .containsEntry("verdict", "PASS");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .startsWith("> **Seed gates.** No release-pilot.yml in the workspace")
                .contains("PASS");
    }

    @Test
    void shouldStillRefuseAMissingSpecThatWasAskedFor() throws Exception {
        Path report = failingReport(0);
        String inputs = new ObjectMapper().writeValueAsString(Map.of("junit", report.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // Given on the command line, the same file name is the user's choice: its absence is an error.
        int explicit = ReleasePilotCli.run(
                RunnerEnvironment.of(runnerEnv(dir, github.baseUrl(), inputs)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "gate",
                "--spec",
                GateCommand.ACTION_DEFAULT_SPEC);
        // With an environment the ledger needs the spec's service name.
        Run withEnvironment = gate(runnerEnv(
                dir,
                github.baseUrl(),
                new ObjectMapper()
                        .writeValueAsString(Map.of(
                                "spec", "release-pilot.yml", "environment", "staging", "junit", report.toString()))));

        assertThat(explicit).isEqualTo(2);
        assertThat(err.toString()).contains("release-pilot.yml", "no such file");
        assertThat(withEnvironment.exit()).isEqualTo(2);
        assertThat(withEnvironment.err()).contains("release-pilot.yml", "no such file");
        assertThat(out.toString() + withEnvironment.out()).doesNotContain("seed gates");
    }
}
