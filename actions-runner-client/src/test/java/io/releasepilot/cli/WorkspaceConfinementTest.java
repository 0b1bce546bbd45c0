package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Part of the hostile-spec corpus: in CI ({@code GITHUB_WORKSPACE} set) the spec and the reports are read only from
 * the workspace — absolute paths, {@code ..} and symbolic links out of it are refused with exit 2.
 */
class WorkspaceConfinementTest {
    record Run(int exit, String err) {}

    private static Run run(Path workspace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(
                RunnerEnvironment.of(Map.of("GITHUB_WORKSPACE", workspace.toString())),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new Run(exit, err.toString());
    }

    private static Path workspace() {
        // The tests' working directory is the module: the workspace of these runs.
        return Path.of("").toAbsolutePath();
    }

    @Test
    void shouldRefuseAnAbsoluteReportPath() {
        Run run = run(workspace(), "gate", "--junit", "/etc/shadow");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--junit '/etc/shadow'").contains("relative to the workspace");
    }

    @Test
    void shouldRefuseAReportGlobThatClimbsOut() {
        Run run = run(workspace(), "gate", "--report", "target/../../../etc/*");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'..' would leave the workspace");
    }

    @Test
    void shouldRefuseASpecOutsideTheWorkspace() {
        Run gate = run(workspace(), "gate", "--spec", "/etc/passwd");
        Run rollout = run(workspace(), "status", "--spec", "../release-pilot.yml", "--environment", "production");

        assertThat(gate.exit()).isEqualTo(2);
        assertThat(gate.err()).contains("--spec '/etc/passwd'");
        assertThat(rollout.exit()).isEqualTo(2);
        assertThat(rollout.err()).contains("'..' would leave the workspace");
    }

    @Test
    void shouldRefuseASymbolicLinkOutOfTheWorkspace() throws Exception {
        Path dir = Files.createDirectories(workspace().resolve("target/confinement"));
        Path link = dir.resolve("TEST-escape.xml");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));

        Run run = run(workspace(), "gate", "--junit", "target/confinement/TEST-escape.xml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("outside the workspace").doesNotContain("<testsuite");
    }

    @Test
    void shouldLeavePathsAloneOutsideCi() {
        WorkspacePaths paths = WorkspacePaths.of(Map.of());

        assertThat(paths.confined()).isFalse();
        assertThat(paths.file("--spec", Path.of("/tmp/anything.yml"))).isEqualTo(Path.of("/tmp/anything.yml"));
    }
}
