package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportClassificationTest {

    @Test
    void shouldSortReportsByWhatTheyAre(@TempDir Path dir) throws Exception {
        Path junit = Files.writeString(dir.resolve("TEST-a.xml"), "<?xml version=\"1.0\"?>\n<testsuites><testsuite/>");
        Path jacoco = Files.writeString(
                dir.resolve("jacoco.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">"
                        + "<report name=\"x\"/>");
        Path sarif = Files.writeString(dir.resolve("scan.sarif"), "{\"version\":\"2.1.0\",\"runs\":[]}");

        var byType = ReportFiles.classify(List.of(junit, jacoco, sarif));

        assertThat(byType).containsOnlyKeys("junit", "jacoco", "sarif");
        assertThat(byType.get("junit")).containsExactly(junit);
        assertThat(byType.get("jacoco")).containsExactly(jacoco);
        assertThat(byType.get("sarif")).containsExactly(sarif);
    }

    @Test
    void shouldRefuseAFileThatIsNoReport(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> ReportFiles.classify(List.of(notes)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("not a JUnit XML");
    }
}
