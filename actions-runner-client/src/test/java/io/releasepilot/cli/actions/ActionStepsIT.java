package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actions' steps with the REAL fat jar ({@code target/release-pilot.jar}, built by {@code package} before
 * failsafe runs), the way the runner runs a composite action ({@link ActionRunner}: inputs only through {@code ${{
 * inputs.* }}} expressions, no {@code INPUT_*} variables, outputs from the {@code GITHUB_OUTPUT} file): outputs,
 * summary and annotations come from the CLI itself.
 */
class ActionStepsIT {

    private static final String TOKEN = "ghs_realJarToken0123456789";
    private static final String SHA = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d";
    private static final Path WORKFLOWS =
            Path.of("").toAbsolutePath().getParent().resolve("workflows");
    private static final Path JAR = Path.of("target/release-pilot.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void shouldRunTheGateActionWithTheRealJar() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        Path repo = work.resolve("action-repo/workflows");
        WorkflowCopy.copy(WORKFLOWS.resolve("lib"), repo.resolve("lib"));
        WorkflowCopy.copy(WORKFLOWS.resolve("gate"), repo.resolve("gate"));
        Files.copy(JAR, repo.resolve("gate/release-pilot.jar"));
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        Files.writeString(workspace.resolve("TEST-cart.xml"), """
                <testsuite name="com.acme.CartTest">
                  <testcase classname="com.acme.CartTest" name="ok"/>
                  <testcase classname="com.acme.CartTest" name="total" file="src/test/java/com/acme/CartTest.java"
                            line="42"><failure message="expected 3 but was 4"/></testcase>
                </testsuite>
                """);

        ActionRunner.Result result = new ActionRunner(repo.resolve("gate"), work, TOKEN, "http://127.0.0.1:9/api/v3")
                .run(Map.of(
                        "java-home", System.getProperty("java.home"),
                        "spec", "",
                        "junit", "TEST-*.xml",
                        "commit-status", "false"));

        assertThat(result.exitCode()).as(result.stdout()).isEqualTo(1);
        assertThat(result.stdout()
                        .lines()
                        .filter(l -> !l.startsWith("::debug::"))
                        .findFirst())
                .as("the token is masked before anything else")
                .contains("::add-mask::" + TOKEN);
        assertThat(result.stdout())
                .contains("::error file=src/test/java/com/acme/CartTest.java,line=42,title=com.acme.CartTest.total::"
                        + "expected 3 but was 4")
                .contains("::group::Quality gate report");
        assertThat(result.outputs())
                .containsEntry("result", "failed")
                .containsEntry("verdict", "FAIL")
                .containsKeys("score", "summary", "report-file");
        assertThat(result.summary()).contains("FAIL");
    }

    /** A checkout of the action repository with the real jar in the action's folder. */
    private Path checkout(String action) throws IOException {
        assertThat(JAR).as("built by the package phase").exists();
        Path repo = work.resolve("action-repo/workflows");
        WorkflowCopy.copy(WORKFLOWS.resolve("lib"), repo.resolve("lib"));
        WorkflowCopy.copy(WORKFLOWS.resolve(action), repo.resolve(action));
        Files.copy(JAR, repo.resolve(action).resolve("release-pilot.jar"));
        return repo.resolve(action);
    }

    private Path workspace() throws IOException {
        return Files.createDirectories(work.resolve("workspace"));
    }

    private static String passingReport() {
        return """
                <testsuite name="com.acme.CartTest">
                  <testcase classname="com.acme.CartTest" name="ok"/>
                </testsuite>
                """;
    }

    @Test
    void shouldUseTheSeedGatesWhenTheGateActionGetsOnlyJunit() throws Exception {
        Path action = checkout("gate");
        Files.writeString(workspace().resolve("TEST-cart.xml"), passingReport());
        try (FakeGitHub github = new FakeGitHub("/api/v3")) {
            github.on("GET", "/repos/acme/shop", github.json(200, "repository.json"));
            github.on("POST", "/repos/acme/shop/statuses/" + SHA, github.json(201, "commit-status-created.json"));

            // `uses: …/gate` with only `junit:` set, on a hosted runner (JDK 17 announced by JAVA_HOME_17_X64).
            ActionRunner.Result result = new ActionRunner(action, work, TOKEN, github.baseUrl())
                    .withJobEnv("JAVA_HOME_17_X64", System.getProperty("java.home"))
                    .withGithub("sha", SHA)
                    .run(Map.of("junit", "TEST-*.xml"));

            assertThat(result.exitCode()).as(result.stdout()).isZero();
            assertThat(result.stdout())
                    .doesNotContain("no such file")
                    .contains("::notice title=Release Pilot%3A seed gates::No release-pilot.yml in the workspace");
            assertThat(result.summary()).startsWith("> **Seed gates.**").contains("PASS");
            assertThat(result.outputs()).containsEntry("result", "passed").containsEntry("verdict", "PASS");
            assertThat(github.sent())
                    .filteredOn(sent -> sent.method().equals("POST"))
                    .extracting(FakeGitHub.Sent::path)
                    .containsExactly("/api/v3/repos/acme/shop/statuses/" + SHA);
        }
    }

    @Test
    void shouldRefuseALedgerOnTheRunnerUnlessEphemeralLedgerIsAccepted() throws Exception {
        Path action = checkout("gate");
        Files.writeString(workspace().resolve("TEST-cart.xml"), passingReport());
        Files.writeString(workspace().resolve("release-pilot.yml"), """
                version: 1
                service: shop
                environments:
                  - name: staging
                gates:
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
        Map<String, String> with = Map.of(
                "java-home", System.getProperty("java.home"),
                "environment", "staging",
                "junit", "TEST-*.xml",
                "commit-status", "false");

        ActionRunner.Result refused = new ActionRunner(action, work, TOKEN, "http://127.0.0.1:9/api/v3").run(with);

        assertThat(refused.exitCode()).as(refused.stdout()).isEqualTo(2);
        assertThat(refused.stdout())
                .contains("error: no ledger database: under GitHub Actions (GITHUB_ACTIONS=true) RP_DATABASE_URL is"
                        + " not set")
                .contains("database-url: ${{ secrets.RP_DATABASE_URL }}")
                .contains("ephemeral-ledger: true");
        assertThat(workspace().resolve(".release-pilot"))
                .as("no embedded ledger was opened")
                .doesNotExist();

        Map<String, String> ephemeral = new java.util.HashMap<>(with);
        ephemeral.put("ephemeral-ledger", "true");
        ActionRunner.Result accepted =
                new ActionRunner(action, work, TOKEN, "http://127.0.0.1:9/api/v3").run(ephemeral);

        assertThat(accepted.exitCode()).as(accepted.stdout()).isZero();
        assertThat(accepted.stdout())
                .contains("::warning title=Release Pilot::ephemeral ledger (--ephemeral-ledger)")
                .contains("history is lost");
        assertThat(accepted.outputs()).containsEntry("verdict", "PASS");
        assertThat(workspace().resolve(".release-pilot"))
                .as("the throwaway ledger on the runner")
                .isDirectory();
    }

    @Test
    void shouldRefuseTheJarsLedgerUnderJenkinsWithoutADatabase() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        Path spec = Files.writeString(workspace().resolve("release-pilot.yml"), """
                version: 1
                service: shop
                environments:
                  - name: staging
                """);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "status",
                        "--spec",
                        spec.toString(),
                        "--environment",
                        "staging")
                .directory(workspace().toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RP_") || name.startsWith("GITHUB_"));
        builder.environment().put("JENKINS_URL", "https://ci.example.com/");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("error: no ledger database: under Jenkins (JENKINS_URL is set)")
                .contains("withCredentials")
                .doesNotContain("Exception");
    }
}
