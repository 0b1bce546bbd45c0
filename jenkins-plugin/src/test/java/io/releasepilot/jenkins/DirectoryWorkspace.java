package io.releasepilot.jenkins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workspace on the controller's disk; remembers what the step asked for. */
final class DirectoryWorkspace implements WorkspaceFiles {
    final Path root;
    final List<List<String>> requested = new ArrayList<>();

    DirectoryWorkspace(Path root) {
        this.root = root;
    }

    @Override
    public Path localDirectory(List<String> includes) {
        requested.add(List.copyOf(includes));
        return root;
    }
}
