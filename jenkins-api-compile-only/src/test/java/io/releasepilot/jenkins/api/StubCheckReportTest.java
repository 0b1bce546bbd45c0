package io.releasepilot.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Stub changed but not re-checked" is a red build: recomputes api-stub-check's stub-sha256 (SHA-256 over the .java
 * files in order of their relative path, each contributing {@code path NUL bytes NUL}) and compares it with the
 * committed report. Re-run the checker (docs/jenkins.md) and commit its report after every stub change.
 */
class StubCheckReportTest {
    private static final Path STUB_ROOT = Path.of("src/main/java");
    private static final Path REPORT = Path.of("STUB-CHECK.txt");

    @Test
    void shouldMatchTheCheckedStub() throws Exception {
        List<String> report = Files.readAllLines(REPORT);

        assertThat(value(report, "stub-sha256: "))
                .as("the stub changed after STUB-CHECK.txt was written: re-run api-stub-check --report")
                .isEqualTo(stubSha256(STUB_ROOT));
    }

    @Test
    void shouldRecordACleanCheckAgainstTheLockedUpstream() throws Exception {
        List<String> report = Files.readAllLines(REPORT);

        assertThat(value(report, "result: ")).matches("stub-check: \\d+ types, \\d+ members checked, 0 errors, .*");
        assertThat(report).noneMatch(l -> l.startsWith("ERROR"));
        List<String> locked = Files.readAllLines(Path.of("UPSTREAM.lock")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.trim().split("\\s+")[3])
                .toList();
        assertThat(report.stream().filter(l -> l.startsWith("upstream: ")).map(l -> l.split(" ")[4]))
                .containsExactlyElementsOf(locked);
    }

    private static String value(List<String> report, String prefix) {
        return report.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in " + REPORT));
    }

    static String stubSha256(Path root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java"))
                    .sorted((a, b) -> rel(root, a).compareTo(rel(root, b)))
                    .toList();
        }
        for (Path p : files) {
            md.update(rel(root, p).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(read(p));
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
