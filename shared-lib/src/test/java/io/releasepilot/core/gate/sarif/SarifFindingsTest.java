package io.releasepilot.core.gate.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Finding;
import io.releasepilot.core.gate.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifFindingsTest {

    @Test
    void shouldListResultsWithLocationLevelAndRule(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("semgrep.sarif");
        Files.writeString(log, """
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "Semgrep",
                    "rules": [{"id": "java.sqli", "defaultConfiguration": {"level": "error"}}]}},
                  "results": [
                    {"ruleId": "java.sqli", "message": {"text": "SQL from input"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/main/java/A.java"},
                                                         "region": {"startLine": 12}}}]},
                    {"ruleId": "style", "level": "note", "message": {"text": "nit"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file://B.java"}}}]},
                    {"ruleId": "style", "kind": "pass", "message": {"text": "passed"}}
                  ]}]}
                """);

        List<Finding> findings = new SarifGateSource(List.of(log)).findings();

        assertThat(findings)
                .containsExactly(
                        new Finding("src/main/java/A.java", 12, "java.sqli", "SQL from input", Finding.Level.ERROR),
                        new Finding("B.java", null, "style", "nit", Finding.Level.NOTICE));
    }

    @Test
    void shouldFallBackToTheLogFileWhenAResultHasNoLocation() {
        Path log = Fixtures.path("sarif/codeql.sarif");

        List<Finding> findings = SarifGateSource.findings(log, SarifGateSource.DEFAULT_MAX_BYTES);

        assertThat(findings).hasSize(6);
        assertThat(findings).allSatisfy(f -> assertThat(f.file()).isEqualTo(log.toString()));
        assertThat(findings)
                .extracting(Finding::level)
                .containsExactly(
                        Finding.Level.ERROR,
                        Finding.Level.NOTICE,
                        Finding.Level.WARNING,
                        Finding.Level.WARNING,
                        Finding.Level.ERROR,
                        Finding.Level.WARNING);
    }

    @Test
    void shouldRejectBrokenJsonLikeTheCounts(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.sarif");
        Files.writeString(broken, "{\"version\": \"2.1.0\", \"runs\": [");

        assertThatThrownBy(() -> SarifGateSource.findings(broken, 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid SARIF JSON");
    }
}
