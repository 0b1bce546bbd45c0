package io.releasepilot.jenkins;

import hudson.FilePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Jenkins workspace: used in place on the controller, copied (only the requested files) into a temporary
 * directory when it lives on an agent, because the core reads files with java.nio.
 */
final class FilePathWorkspace implements WorkspaceFiles {
    private final FilePath workspace;

    FilePathWorkspace(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public Path localDirectory(List<String> includes) throws IOException, InterruptedException {
        if (!workspace.isRemote()) {
            return Path.of(workspace.getRemote());
        }
        Path copy = Files.createTempDirectory("release-pilot-ws");
        workspace.copyRecursiveTo(String.join(",", includes), new FilePath(copy.toFile()));
        return copy;
    }
}
