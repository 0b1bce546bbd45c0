package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate action's steps with the REAL fat jar ({@code target/release-pilot.jar}, built by {@code package} before
 * failsafe runs), the way the runner runs them: outputs, summary and annotations come from the CLI itself.
 */
class ActionStepsIT {

    private static final String TOKEN = "ghs_realJarToken0123456789";
    private static final Path WORKFLOWS =
            Path.of("").toAbsolutePath().getParent().resolve("workflows");
    private static final Path JAR = Path.of("target/release-pilot.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void shouldRunTheGateActionWithTheRealJar() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        Path repo = work.resolve("action-repo/workflows");
        copy(WORKFLOWS.resolve("lib"), repo.resolve("lib"));
        copy(WORKFLOWS.resolve("gate"), repo.resolve("gate"));
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

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".jar")) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
