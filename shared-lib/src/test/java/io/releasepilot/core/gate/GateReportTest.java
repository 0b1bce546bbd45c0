package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.release.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateReportTest {

    private static GateReport report() {
        Observation junit = Observation.of(
                "junit",
                "target/TEST-a.xml",
                Map.of("total", 10.0, "failures", 1.0, "errors", 0.0, "skipped", 2.0, "failed", 1.0));
        List<Objective> objectives = List.of(
                Objective.of("tests | <b>all</b> [x](http://evil)", "junit", "failed", Comparator.LESS_OR_EQUAL, 0));
        GateVerdict verdict = GateEvaluator.evaluate(GatesPolicy.defaults(), objectives, List.of(junit));
        return new GateReport(verdict, List.of(junit));
    }

    @Test
    void shouldWriteTheDocumentedJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report().toJson());

        assertThat(json.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.path("score").asDouble()).isZero();
        assertThat(json.path("tests").path("total").asLong()).isEqualTo(10);
        assertThat(json.path("tests").path("failures").asLong()).isEqualTo(1);
        assertThat(json.path("tests").path("skipped").asLong()).isEqualTo(2);
        assertThat(json.path("coverage").isNull()).isTrue();
        assertThat(json.path("sarif").isNull()).isTrue();
        JsonNode objective = json.path("objectives").get(0);
        assertThat(objective.path("source").asText()).isEqualTo("junit");
        assertThat(objective.path("origin").asText()).isEqualTo("target/TEST-a.xml");
        assertThat(objective.path("value").asDouble()).isEqualTo(1);
        assertThat(objective.path("comparator").asText()).isEqualTo("<=");
        assertThat(objective.path("warning").isNull()).isTrue();
        assertThat(objective.path("verdict").asText()).isEqualTo("FAIL");
    }

    @Test
    void shouldEscapeUserTextInMarkdown() {
        String markdown = report().toMarkdown();

        assertThat(markdown).doesNotContain("<b>").doesNotContain("[x](http").contains("&lt;b&gt;");
        String row = markdown.lines()
                .filter(line -> line.contains("FAIL |"))
                .findFirst()
                .orElseThrow();
        assertThat(row.split("(?<!\\\\)\\|")).hasSize(8);
    }

    @Test
    void shouldExplainEachObjectiveInText() {
        assertThat(report().toText()).contains("FAIL").contains("failed = 1, needs <= 0");
    }
}
