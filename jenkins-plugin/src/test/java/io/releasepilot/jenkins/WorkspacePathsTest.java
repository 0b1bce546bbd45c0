package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/etc/shadow               | is absolute",
                "~/.ssh/id_rsa             | is absolute",
                "C:\\Windows\\win.ini      | is absolute",
                "\\\\server\\share\\x.yml  | is absolute",
                "../../etc/passwd          | leaves the workspace",
                "deploy/../../secret.yml   | leaves the workspace",
                "deploy\\..\\..\\x.yml     | leaves the workspace",
                "target/..                 | leaves the workspace",
            })
    void shouldRefuseAbsoluteAndParentPaths(String path, String message) {
        assertThatThrownBy(() -> WorkspacePaths.relative(path, "spec path"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"release-pilot.yml", "deploy/release-pilot.yml", "target/**/*.xml", "a..b/c.yml"})
    void shouldAcceptPathsInsideTheWorkspace(String path) {
        assertThat(WorkspacePaths.relative(path, "spec path")).isEqualTo(path);
    }

    @Test
    void shouldRefuseASymbolicLinkLeadingOutOfTheWorkspace() throws Exception {
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Path outside = Files.writeString(dir.resolve("outside.yml"), "service: stolen\n");
        Files.createSymbolicLink(ws.resolve("release-pilot.yml"), outside);
        Files.createSymbolicLink(ws.resolve("etc"), dir);

        assertThatThrownBy(() -> WorkspacePaths.resolve(ws, "release-pilot.yml", "spec path"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leads out of the workspace");
        assertThatThrownBy(() -> WorkspacePaths.resolve(ws, "etc/outside.yml", "spec path"))
                .hasMessageContaining("leads out of the workspace");
        assertThatThrownBy(() -> WorkspacePaths.resolve(ws, "etc/not-there-yet.yml", "spec path"))
                .hasMessageContaining("leads out of the workspace");
    }

    @Test
    void shouldFollowSymbolicLinksThatStayInside() throws Exception {
        Path ws = Files.createDirectory(dir.resolve("ws"));
        Files.createDirectories(ws.resolve("deploy"));
        Path spec = Files.writeString(ws.resolve("deploy/release-pilot.yml"), "service: checkout\n");
        Files.createSymbolicLink(ws.resolve("release-pilot.yml"), spec);

        assertThat(WorkspacePaths.resolve(ws, "release-pilot.yml", "spec path"))
                .isEqualTo(ws.resolve("release-pilot.yml"));
    }
}
