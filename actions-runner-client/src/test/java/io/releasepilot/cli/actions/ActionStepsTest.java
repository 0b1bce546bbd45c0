package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs each action under workflows/ the way the runner does, with a fake jar in place of release-pilot.jar. */
class ActionStepsTest {

    private static final String TOKEN = "ghs_fakeActionsToken0123456789";
    private static final String API_URL = "https://ghe.example.com/api/v3";
    private static final Path WORKFLOWS =
            Path.of("").toAbsolutePath().getParent().resolve("workflows");
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    static Path shared;

    private static Path fakeJar;

    @TempDir
    Path work;

    @BeforeAll
    static void buildFakeJar() throws IOException {
        fakeJar = FakeReleasePilotJar.build(shared);
    }

    /** A checkout of the action repository: workflows/lib plus the action's folder, optionally with the jar. */
    private Path checkout(String action, boolean withJar) throws IOException {
        Path repo = work.resolve("action-repo/workflows");
        WorkflowCopy.copy(WORKFLOWS.resolve("lib"), repo.resolve("lib"));
        WorkflowCopy.copy(WORKFLOWS.resolve(action), repo.resolve(action));
        if (withJar) {
            Files.copy(fakeJar, repo.resolve(action).resolve("release-pilot.jar"));
        }
        return repo.resolve(action);
    }

    private ActionRunner runner(Path actionDir) {
        return new ActionRunner(actionDir, work, TOKEN, API_URL);
    }

    @ParameterizedTest
    @CsvSource({
        "gate, gate, '', verdict",
        "canary, canary, production, deployment-id",
        "blue-green, bluegreen, production, state",
        "rollback, rollback, production, version",
        "promote, promote, production, release-id"
    })
    void shouldRunTheJarWithTheInputsAndMapItsOutputs(String action, String command, String environment, String output)
            throws Exception {
        Path actionDir = checkout(action, true);
        Map<String, String> with = environment.isEmpty()
                ? Map.of("java-home", JAVA_HOME)
                : action.equals("canary") || action.equals("blue-green")
                        ? Map.of("java-home", JAVA_HOME, "environment", environment, "release-version", "1.4.0")
                        : Map.of("java-home", JAVA_HOME, "environment", environment);

        ActionRunner.Result result = runner(actionDir).run(with);

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.outputs()).containsEntry("result", "ok-" + command).containsEntry(output, output + "-value");
        assertThat(result.outputs().values())
                .as("every declared output is mapped")
                .doesNotContain("");
        Map<String, String> step = result.stepOutputs().get("run");
        assertThat(step).containsEntry("args", command).containsEntry("token-length", "" + TOKEN.length());
        JsonNode inputs = new ObjectMapper().readTree(step.get("inputs-json"));
        assertThat(inputs.get("spec").asText()).isEqualTo("release-pilot.yml");
        assertThat(inputs.get("github-api-url").asText()).isEqualTo(API_URL);
        assertThat(inputs.get("github-token").asText())
                .as("default ${{ github.token }}")
                .isEqualTo(TOKEN);
        if (!environment.isEmpty()) {
            assertThat(inputs.get("environment").asText()).isEqualTo(environment);
        }
        assertThat(result.summary()).isEqualTo("# fake " + command + "\n");
        assertThat(result.stdout())
                .contains("::error file=release-pilot.yml,line=3,title=fake::fake finding for " + command)
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldMaskTheDatabaseInputsFirstAndHandThemOverAsRpDatabaseVariables() throws Exception {
        Path actionDir = checkout("canary", true);

        ActionRunner.Result result = runner(actionDir)
                .run(Map.of(
                        "java-home", JAVA_HOME,
                        "environment", "production",
                        "release-version", "1.4.0",
                        "database-url", "jdbc:postgresql://db.internal:5432/rp?password=inUrl%1",
                        "database-user", "release_pilot",
                        "database-password", "s3cret-pw"));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout().lines().limit(2))
                .as("masked before anything else is printed")
                .containsExactly(
                        "::add-mask::s3cret-pw",
                        "::add-mask::jdbc:postgresql://db.internal:5432/rp?password=inUrl%251");
        assertThat(result.stepOutputs().get("run"))
                .containsEntry("env-RP_DATABASE_URL", "jdbc:postgresql://db.internal:5432/rp?password=inUrl%1")
                .containsEntry("env-RP_DATABASE_USER", "release_pilot")
                .containsEntry("env-RP_DATABASE_PASSWORD", "s3cret-pw")
                .containsEntry("env-RP_INPUT_DATABASE_PASSWORD", "<unset>");
    }

    @Test
    void shouldLeaveTheJobsDatabaseVariablesWhenTheInputsAreEmpty() throws Exception {
        Path actionDir = checkout("promote", true);

        ActionRunner.Result result = runner(actionDir)
                .withJobEnv("RP_DATABASE_URL", "jdbc:postgresql://from-job-env:5432/rp")
                .run(Map.of("java-home", JAVA_HOME, "environment", "production"));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).doesNotContain("::add-mask::");
        assertThat(result.stepOutputs().get("run"))
                .containsEntry("env-RP_DATABASE_URL", "jdbc:postgresql://from-job-env:5432/rp")
                .containsEntry("env-RP_DATABASE_PASSWORD", "<unset>");
    }

    @Test
    void shouldPassTheJarsExitCodeThrough() throws Exception {
        Path actionDir = checkout("gate", true);

        ActionRunner.Result result = runner(actionDir).run(Map.of("java-home", JAVA_HOME, "environment", "fail-me"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stepOutputs().get("run")).containsEntry("result", "ok-gate");
    }

    @Test
    void shouldUseTheHostedRunnersJdk17WithoutJavaHome() throws Exception {
        Path actionDir = checkout("promote", true);

        ActionRunner.Result result =
                runner(actionDir).withJobEnv("JAVA_HOME_17_X64", JAVA_HOME).run(Map.of("environment", "production"));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stepOutputs().get("run")).containsEntry("java-home", JAVA_HOME);
    }

    @Test
    void shouldRefuseABadJavaHome() throws Exception {
        Path actionDir = checkout("gate", true);

        ActionRunner.Result result =
                runner(actionDir).run(Map.of("java-home", work.resolve("no-jdk").toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("::error title=Release Pilot::java-home");
    }

    @Test
    void shouldExplainAMissingJar() throws Exception {
        Path actionDir = checkout("gate", false);

        ActionRunner.Result result = runner(actionDir).run(Map.of("java-home", JAVA_HOME));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("no release-pilot.jar in").contains("jar-url and jar-sha256");
        assertThat(result.outputs()).containsEntry("result", "");
    }

    @Test
    void shouldDownloadTheJarFromJarUrlWhenTheChecksumMatches() throws Exception {
        try (JarServer server = new JarServer(Files.readAllBytes(fakeJar))) {
            Path actionDir = checkout("canary", false);
            Map<String, String> with = Map.of(
                    "java-home",
                    JAVA_HOME,
                    "environment",
                    "staging",
                    "release-version",
                    "1.4.0",
                    "jar-url",
                    server.url(),
                    "jar-sha256",
                    sha256(fakeJar).toUpperCase(java.util.Locale.ROOT));

            ActionRunner.Result first = runner(actionDir).run(with);
            ActionRunner.Result second = runner(actionDir).run(with);

            assertThat(first.exitCode()).as(first.stdout()).isZero();
            assertThat(first.outputs()).containsEntry("result", "ok-canary");
            assertThat(second.exitCode()).isZero();
            assertThat(server.requests.get())
                    .as("the checked jar is reused from RUNNER_TEMP")
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldFailOnAWrongChecksumAndKeepNothing() throws Exception {
        try (JarServer server = new JarServer(Files.readAllBytes(fakeJar))) {
            Path actionDir = checkout("canary", false);
            String wrong = "0".repeat(64);

            ActionRunner.Result result = runner(actionDir)
                    .run(Map.of(
                            "java-home",
                            JAVA_HOME,
                            "environment",
                            "staging",
                            "release-version",
                            "1.4.0",
                            "jar-url",
                            server.url(),
                            "jar-sha256",
                            wrong));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stdout())
                    .contains("::error title=Release Pilot::checksum mismatch")
                    .contains("expected sha256 " + wrong)
                    .contains("got " + sha256(fakeJar));
            assertThat(result.stepOutputs().get("run")).doesNotContainKey("result");
            assertThat(server.requests.get()).isEqualTo(1);
            try (Stream<Path> left = Files.list(work.resolve("runner-temp/release-pilot"))) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseJarUrlWithoutAChecksumAndNotDownload() throws Exception {
        try (JarServer server = new JarServer(Files.readAllBytes(fakeJar))) {
            Path actionDir = checkout("rollback", false);

            ActionRunner.Result result = runner(actionDir)
                    .run(Map.of("java-home", JAVA_HOME, "environment", "production", "jar-url", server.url()));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stdout()).contains("jar-url is set but jar-sha256 is not");
            assertThat(server.requests.get()).isZero();
        }
    }

    @Test
    void shouldDocumentEveryActionInTheReadme() throws IOException {
        String readme = Files.readString(WORKFLOWS.resolve("README.md"));
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        for (String action : new String[] {"gate", "canary", "blue-green", "rollback", "promote"}) {
            JsonNode definition = yaml.readTree(
                    WORKFLOWS.resolve(action).resolve("action.yml").toFile());
            assertThat(readme).contains("workflows/" + action);
            definition
                    .path("inputs")
                    .fieldNames()
                    .forEachRemaining(input -> assertThat(readme)
                            .as("README documents input %s of %s", input, action)
                            .contains("`" + input + "`"));
            definition
                    .path("outputs")
                    .fieldNames()
                    .forEachRemaining(output -> assertThat(readme)
                            .as("README documents output %s of %s", output, action)
                            .contains("`" + output + "`"));
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Serves the jar from 127.0.0.1 like an internal artifact mirror, counting downloads. */
    private static final class JarServer implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;

        JarServer(byte[] jar) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/mirror/release-pilot.jar", exchange -> {
                requests.incrementAndGet();
                exchange.sendResponseHeaders(200, jar.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jar);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/release-pilot.jar";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
