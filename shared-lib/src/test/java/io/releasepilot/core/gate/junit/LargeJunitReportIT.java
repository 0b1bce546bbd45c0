package io.releasepilot.core.gate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.XmlReportInput;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50 MB report with 300k cases parses in a JVM whose heap is smaller than the file. */
class LargeJunitReportIT {

    static final int CASES = 300_000;

    @Test
    void shouldParseA50MegabyteReportInBoundedMemory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("TEST-huge.xml");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"huge\">\n");
            for (int i = 0; i < CASES; i++) {
                out.write("<testcase name=\"shouldHandleCase" + i + "\" classname=\"com.example.huge.GeneratedTest\""
                        + " time=\"0.001\">");
                if (i % 1000 == 0) {
                    out.write("<failure message=\"boom\" type=\"AssertionError\">at Generated.java:1</failure>");
                }
                out.write(
                        "<system-out>handled in 1 ms; nothing else to report for this case</system-out></testcase>\n");
            }
            out.write("</testsuite>\n</testsuites>\n");
        }
        assertThat(Files.size(file)).isGreaterThan(45L * 1024 * 1024);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx32m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeJunitReportIT.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        boolean done = child.waitFor(120, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            child.destroyForcibly();
        }

        assertThat(done).as("parsing finished").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("total=" + CASES).contains("failures=" + CASES / 1000);
    }

    /** Runs in the child JVM with a 32 MB heap. */
    public static void main(String[] args) {
        JunitTotals totals = JunitGateSource.parse(Path.of(args[0]), XmlReportInput.DEFAULT_MAX_BYTES);
        List<String> line = List.of("total=" + totals.total(), "failures=" + totals.failures());
        System.out.println(String.join(" ", line));
    }
}
