package io.releasepilot.core.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A gate's verdict with the observations behind it, rendered as JSON (schema in docs/gate-report.md), Markdown (the
 * GitHub job summary and the Jenkins summary page) or plain text (the console). Every objective row says objective,
 * source, query or file, value, threshold and result; user-supplied text is escaped in Markdown.
 *
 * @param verdict the evaluated gate
 * @param observations what the sources yielded (for the tests / coverage / sarif totals)
 */
public record GateReport(GateVerdict verdict, List<Observation> observations) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GateReport {
        Objects.requireNonNull(verdict, "verdict");
        observations = List.copyOf(observations);
    }

    /** The JSON document of docs/gate-report.md. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", verdict.verdict().name());
        root.put("score", verdict.score());
        root.put("reason", verdict.reason());
        section("junit")
                .ifPresentOrElse(
                        o -> root.set("tests", counts(o, "total", "failures", "errors", "skipped")),
                        () -> root.putNull("tests"));
        section("jacoco")
                .ifPresentOrElse(
                        o -> root.set("coverage", ratios(o, "line", "branch", "instruction")),
                        () -> root.putNull("coverage"));
        section("sarif")
                .ifPresentOrElse(
                        o -> root.set("sarif", counts(o, "error", "warning", "note", "none", "highOrCritical")),
                        () -> root.putNull("sarif"));
        ArrayNode objectives = root.putArray("objectives");
        for (ObjectiveResult result : verdict.results()) {
            Objective objective = result.objective();
            ObjectNode node = objectives.addObject();
            node.put("name", objective.name());
            node.put("source", objective.source());
            node.put("metric", objective.metric());
            node.put("origin", result.origin());
            if (result.value().isPresent()) {
                node.put("value", result.value().getAsDouble());
            } else {
                node.putNull("value");
            }
            node.put("comparator", objective.comparator().symbol());
            node.put("pass", objective.pass());
            if (objective.warning().isPresent()) {
                node.put("warning", objective.warning().getAsDouble());
            } else {
                node.putNull("warning");
            }
            node.put("weight", objective.weight());
            node.put("key", objective.key());
            node.put("verdict", result.verdict().name());
            node.put("explanation", result.explanation());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("pass", verdict.totals().pass());
        totals.put("warning", verdict.totals().warning());
        totals.put("fail", verdict.totals().fail());
        totals.put("inconclusive", verdict.totals().inconclusive());
        totals.put("points", verdict.totals().points());
        totals.put("maxPoints", verdict.totals().maxPoints());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the gate report as JSON", e);
        }
    }

    /** A Markdown summary: headline, then one table row per objective. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(icon(verdict.verdict()))
                .append(" Quality gate: ")
                .append(verdict.verdict());
        md.append(" (score ").append(GateEvaluator.format(verdict.score())).append(")\n\n");
        md.append(escape(verdict.reason())).append("\n\n");
        md.append("| Result | Objective | Source | Query or file | Value | Threshold | Explanation |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ObjectiveResult result : verdict.results()) {
            Objective objective = result.objective();
            md.append("| ").append(icon(result.verdict())).append(' ').append(result.verdict());
            md.append(" | ").append(escape(objective.name())).append(objective.key() ? " (key)" : "");
            md.append(" | ").append(escape(objective.source()));
            md.append(" | ").append(escape(objective.metric() + " — " + result.origin()));
            md.append(" | ")
                    .append(
                            result.value().isPresent()
                                    ? objective.unit().format(result.value().getAsDouble())
                                    : "—");
            md.append(" | ").append(escape(GateEvaluator.thresholds(objective)));
            md.append(" | ").append(escape(result.explanation())).append(" |\n");
        }
        return md.toString();
    }

    /** Plain text for a console: one line per objective. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Quality gate: ")
                .append(verdict.verdict())
                .append(" (score ")
                .append(GateEvaluator.format(verdict.score()))
                .append(") — ")
                .append(verdict.reason())
                .append('\n');
        for (ObjectiveResult result : verdict.results()) {
            text.append(String.format(
                    "  %-12s %s [%s: %s] %s%n",
                    result.verdict(),
                    result.objective().name(),
                    result.source(),
                    result.origin(),
                    result.explanation()));
        }
        return text.toString();
    }

    /** Escapes text for a Markdown table cell: no HTML, no links or emphasis, no broken rows. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r', '\t' -> out.append(' ');
                case '\\', '|', '`', '*', '_', '[', ']', '(', ')', '#', '!', '~' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String icon(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✅";
            case WARNING -> "⚠️";
            case FAIL -> "❌";
            case INCONCLUSIVE -> "❔";
        };
    }

    private Optional<Observation> section(String type) {
        return observations.stream()
                .filter(o -> o.source().equals(type) && o.unavailable().isEmpty())
                .findFirst();
    }

    private static ObjectNode counts(Observation observation, String... names) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String name : names) {
            node.put(name, (long) observation.value(name).orElse(0));
        }
        return node;
    }

    private static ObjectNode ratios(Observation observation, String... names) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String name : names) {
            if (observation.value(name).isPresent()) {
                node.put(name, observation.value(name).getAsDouble());
            } else {
                node.putNull(name);
            }
        }
        return node;
    }
}
