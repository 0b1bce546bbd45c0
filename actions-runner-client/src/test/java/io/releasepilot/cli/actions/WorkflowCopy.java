package io.releasepilot.cli.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a folder of workflows/ into a test's action checkout; jars are left out so each test places its own. */
final class WorkflowCopy {
    private WorkflowCopy() {}

    static void copy(Path from, Path to) throws IOException {
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
