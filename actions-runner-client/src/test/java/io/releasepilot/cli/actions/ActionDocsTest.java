package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The input and output tables of docs/github-actions.md and workflows/README.md are generated from the actions'
 * action.yml, and docs/github-actions.md quotes the starter workflow: each doc must hold exactly the rendered text. Run with {@code -Drp.docs.regenerate=true} to rewrite
 * them in place after changing an action.yml.
 */
class ActionDocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> ACTIONS = List.of("gate", "canary", "blue-green", "rollback", "promote");
    private static final Pattern TABLES =
            Pattern.compile("\\| Input \\| Required \\| Default \\| Description \\|\\n(?:\\|.*\\n)+\\n"
                    + "\\| Output \\| Description \\|\\n(?:\\|.*\\n)+");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"docs/github-actions.md, '### `%s` — '", "workflows/README.md, '## `workflows/%s`'"})
    void shouldHoldTheTablesGeneratedFromEveryActionYml(String doc, String heading) throws IOException {
        Path file = ROOT.resolve(doc);
        String text = Files.readString(file);
        boolean regenerate = Boolean.getBoolean("rp.docs.regenerate");
        for (String action : ACTIONS) {
            JsonNode definition = new ObjectMapper(new YAMLFactory())
                    .readTree(ROOT.resolve("workflows")
                            .resolve(action)
                            .resolve("action.yml")
                            .toFile());
            String tables = tables(definition);
            int at = text.indexOf(heading.formatted(action));
            assertThat(at).as("%s has a section for %s", doc, action).isNotNegative();
            Matcher matcher = TABLES.matcher(text);
            assertThat(matcher.find(at))
                    .as("%s has the tables of %s", doc, action)
                    .isTrue();
            String description = definition.path("description").asText();
            int descriptionAt = text.indexOf('\n', at) + 1;
            int lineEnd = text.indexOf('\n', descriptionAt + 1);
            if (regenerate) {
                text = text.substring(0, matcher.start()) + tables + text.substring(matcher.end());
                // The description is the first non-blank line after the heading.
                int start = text.charAt(descriptionAt) == '\n' ? descriptionAt + 1 : descriptionAt;
                int end = text.indexOf('\n', start);
                text = text.substring(0, start) + description + text.substring(end);
                continue;
            }
            assertThat(matcher.group())
                    .as("%s: tables of %s (regenerate: -Drp.docs.regenerate=true)", doc, action)
                    .isEqualTo(tables);
            assertThat(text.substring(descriptionAt, lineEnd).strip())
                    .as("%s: description of %s", doc, action)
                    .isEqualTo(description);
        }
        if (regenerate) {
            Files.writeString(file, text);
        }
    }

    @org.junit.jupiter.api.Test
    void shouldQuoteTheStarterWorkflowAsItIs() throws IOException {
        Path file = ROOT.resolve("docs/github-actions.md");
        String text = Files.readString(file);
        String starter = Files.readString(ROOT.resolve(".github/workflows/release-pilot-starter.yml"));
        int start = text.indexOf("```yaml\n# Starter pipeline") + "```yaml\n".length();
        int end = text.indexOf("```\n", start);
        assertThat(start).as("the starter pipeline is quoted").isGreaterThan("```yaml\n".length());
        if (Boolean.getBoolean("rp.docs.regenerate")) {
            Files.writeString(file, text.substring(0, start) + starter + text.substring(end));
            return;
        }
        assertThat(text.substring(start, end)).isEqualTo(starter);
    }

    private static String tables(JsonNode definition) {
        StringBuilder md = new StringBuilder("| Input | Required | Default | Description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("inputs").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> input = it.next();
            String fallback = input.getValue().path("default").asText("");
            md.append("| `")
                    .append(input.getKey())
                    .append("` | ")
                    .append(input.getValue().path("required").asBoolean(false) ? "yes" : "no")
                    .append(" | ")
                    .append(fallback.isEmpty() ? "" : "`" + fallback + "`")
                    .append(" | ")
                    .append(input.getValue().path("description").asText())
                    .append(" |\n");
        }
        md.append("\n| Output | Description |\n|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        definition.path("outputs").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            md.append("| `")
                    .append(output.getKey())
                    .append("` | ")
                    .append(output.getValue().path("description").asText())
                    .append(" |\n");
        }
        return md.toString();
    }
}
