package io.releasepilot.jenkins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Gives the core a controller-side directory with the workspace files it needs (spec, reports). Jenkins provides a
 * {@code FilePath} ({@link FilePathWorkspace}); a host may put its own implementation into the step context instead
 * (the glue tests' fake host does), which the steps prefer.
 */
public interface WorkspaceFiles {
    /**
     * @param includes Ant-style globs relative to the workspace root
     * @return a local directory holding at least the matching files, with the same relative paths
     */
    Path localDirectory(List<String> includes) throws IOException, InterruptedException;
}
