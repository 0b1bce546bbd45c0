package io.releasepilot.core.gate;

import io.releasepilot.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands report arguments: a plain path must exist; a glob ({@code target/surefire-reports/*.xml}) may match none. */
public final class ReportFiles {

    private ReportFiles() {}

    /**
     * The files {@code pattern} names, relative to {@code base}, sorted. A plain path that does not exist is an
     * {@link InvalidInputException}; a glob that matches nothing gives an empty list (the source is then unavailable
     * and its objectives INCONCLUSIVE).
     */
    public static List<Path> expand(Path base, String pattern) {
        if (pattern.isBlank()) {
            throw new InvalidInputException("empty report path");
        }
        int firstGlob = firstGlobCharacter(pattern);
        if (firstGlob < 0) {
            Path file = base.resolve(pattern);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(pattern + ": no such report file");
            }
            return List.of(file);
        }
        int lastSlash = pattern.lastIndexOf('/', firstGlob);
        Path root = lastSlash < 0 ? base : base.resolve(pattern.substring(0, Math.max(lastSlash, 1)));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String absolutePattern = base.resolve(pattern).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolutePattern);
        List<Path> files = new ArrayList<>();
        int depth = pattern.contains("**")
                ? Integer.MAX_VALUE
                : (int) pattern.substring(lastSlash + 1)
                                .chars()
                                .filter(c -> c == '/')
                                .count()
                        + 1;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("cannot list " + root + " for '" + pattern + "': " + e.getMessage(), e);
        }
        return List.copyOf(files);
    }

    /**
     * Sorts report files by what they are, from their first bytes: JUnit XML ({@code <testsuite}), JaCoCo XML
     * ({@code <report}) or SARIF (JSON with {@code "runs"}), for hosts whose users list reports without saying which
     * is which (the Jenkins step's {@code reports} globs).
     *
     * @return files by gate source type ({@code junit}, {@code jacoco}, {@code sarif})
     */
    public static java.util.Map<String, List<Path>> classify(List<Path> files) {
        java.util.Map<String, List<Path>> byType = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            byType.computeIfAbsent(typeOf(file), type -> new ArrayList<>()).add(file);
        }
        return byType;
    }

    private static String typeOf(Path file) {
        String head;
        try (var in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read report " + file + ": " + e.getMessage(), e);
        }
        String trimmed = head.strip();
        if (trimmed.startsWith("{") && head.contains("\"runs\"")) {
            return "sarif";
        }
        if (head.contains("<testsuite")) {
            return "junit";
        }
        if (head.contains("<report") || head.contains("JACOCO//DTD")) {
            return "jacoco";
        }
        throw new InvalidInputException(file + ": not a JUnit XML, JaCoCo XML or SARIF report (judged by its first "
                + "4 KB); list only those in 'reports'");
    }

    private static int firstGlobCharacter(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
