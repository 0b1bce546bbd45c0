package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the files a CI run reads (the spec, the reports) inside its workspace ({@code GITHUB_WORKSPACE}): whoever can
 * edit the workflow's inputs or the spec in a branch must not make the runner read {@code /etc/shadow} or another
 * job's files. In CI a path must be relative, must not use {@code ..}, and must still be inside the workspace once
 * every symbolic link is resolved. Outside CI (no {@code GITHUB_WORKSPACE}) paths are the user's own and unchecked.
 */
final class WorkspacePaths {
    private final @Nullable Path root;

    private WorkspacePaths(@Nullable Path root) {
        this.root = root;
    }

    /** The workspace of this run, or none outside CI. */
    static WorkspacePaths of(Map<String, String> env) {
        String workspace = env.get("GITHUB_WORKSPACE");
        if (workspace == null || workspace.isBlank()) {
            return new WorkspacePaths(null);
        }
        try {
            return new WorkspacePaths(Path.of(workspace).toRealPath());
        } catch (IOException e) {
            throw new InvalidInputException(
                    "GITHUB_WORKSPACE " + workspace + " is not a directory: " + e.getMessage(), e);
        }
    }

    boolean confined() {
        return root != null;
    }

    /** Refuses, in CI, a path or glob {@code option} names that is absolute or climbs with {@code ..}. */
    void checkPattern(String option, String pattern) {
        if (root == null) {
            return;
        }
        String normalized = pattern.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.startsWith("~") || normalized.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException(option + " '" + pattern + "': in CI paths are relative to the workspace "
                    + root + "; write it relative, e.g. build/reports/*.xml");
        }
        for (String segment : normalized.split("/")) {
            if (segment.equals("..")) {
                throw new InvalidInputException(option + " '" + pattern + "': '..' would leave the workspace " + root
                        + "; name a path inside it");
            }
        }
    }

    /** Refuses, in CI, a file that resolves (through symbolic links) outside the workspace; the file otherwise. */
    Path inside(String option, String pattern, Path file) {
        if (root == null) {
            return file;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            // A file that does not exist is reported by its reader, with its own message.
            return file;
        }
        if (!real.startsWith(root)) {
            throw new InvalidInputException(option + " '" + pattern + "': " + file + " resolves to " + real
                    + ", outside the workspace " + root + " (a symbolic link?); CI runs read only workspace files");
        }
        return file;
    }

    /** A path option ({@code --spec}): checked as written, then as resolved. */
    Path file(String option, Path path) {
        checkPattern(option, path.toString());
        return inside(option, path.toString(), path);
    }

    /** Every file a glob expanded to, each checked as resolved. */
    List<Path> files(String option, String pattern, List<Path> files) {
        files.forEach(file -> inside(option, pattern, file));
        return files;
    }
}
