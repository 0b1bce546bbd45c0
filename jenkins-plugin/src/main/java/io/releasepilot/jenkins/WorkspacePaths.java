package io.releasepilot.jenkins;

import io.releasepilot.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Confines every path a step takes (spec, report globs) to the build's workspace: no absolute path, no {@code ..}
 * segment, and no symbolic link that leads out of it. A spec or a glob is written by whoever can push a branch, and on
 * Jenkins a path that escapes reads the agent's (or, before, the controller's) files.
 */
final class WorkspacePaths {
    private WorkspacePaths() {}

    /**
     * The lexical check, done before anything is sent to the agent: relative, no {@code ..}, no drive or home prefix.
     *
     * @return the path, trimmed
     */
    static String relative(String path, String what) {
        String p = path.trim();
        if (p.isEmpty()) {
            throw new InvalidInputException("the " + what + " is empty: name a path relative to the workspace");
        }
        String unified = p.replace('\\', '/');
        if (unified.startsWith("/") || unified.startsWith("~") || unified.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException("the " + what + " '" + p + "' is absolute: name a path relative to the"
                    + " workspace (e.g. deploy/release-pilot.yml)");
        }
        for (String segment : unified.split("/", -1)) {
            if (segment.equals("..")) {
                throw new InvalidInputException(
                        "the " + what + " '" + p + "' leaves the workspace with '..': name a" + " path inside it");
            }
        }
        return p;
    }

    /**
     * Resolves {@code path} inside {@code root} after the lexical check, then follows symbolic links: the real file
     * must still be inside the real workspace. A file that does not exist yet is resolved as far as it exists.
     */
    static Path resolve(Path root, String path, String what) {
        Path file = root.resolve(relative(path, what)).normalize();
        checkInside(root, file, what + " '" + path + "'");
        return file;
    }

    /** Refuses {@code file} (e.g. a report a glob matched) when its real location is outside the real workspace. */
    static void checkInside(Path root, Path file, String what) {
        try {
            Path realRoot = root.toRealPath();
            Path existing = file;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            Path real = existing == null ? file.toAbsolutePath().normalize() : existing.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new InvalidInputException("the " + what + " leads out of the workspace (through a symbolic"
                        + " link to " + real + "): keep it, and what it links to, inside the workspace");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the " + what + " in the workspace " + root, e);
        }
    }
}
