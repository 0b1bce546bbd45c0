package io.releasepilot.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.SpecEnum;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps docs/release-pilot.schema.json, the reader's key catalog and the example in step. */
class SpecSchemaTest {
    static final Path SCHEMA = Path.of("../docs/release-pilot.schema.json");

    static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    /** Mapping path to property names, for every closed object in the schema ($refs resolved). */
    static Map<String, List<String>> schemaMappings(JsonNode root) {
        Map<String, List<String>> mappings = new TreeMap<>();
        walk(root, root, "", mappings);
        return mappings;
    }

    private static void walk(JsonNode root, JsonNode node, String path, Map<String, List<String>> mappings) {
        if (SpecKeys.ALIASES.containsKey(path)) {
            // Same keys as the mapping it stands for: the schema must refer to that one definition.
            assertThat(node.path("$ref").asText()).isEqualTo("#/properties/" + SpecKeys.ALIASES.get(path));
            return;
        }
        if (node.has("$ref")) {
            walk(root, root.at(node.get("$ref").asText().substring(1)), path, mappings);
        }
        if (node.has("properties")) {
            List<String> keys = new ArrayList<>();
            node.get("properties").fieldNames().forEachRemaining(keys::add);
            mappings.put(path, keys);
            node.get("properties")
                    .fields()
                    .forEachRemaining(property -> walk(
                            root,
                            property.getValue(),
                            path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
                            mappings));
        }
        if (node.has("items")) {
            walk(root, node.get("items"), path + "[]", mappings);
        }
    }

    @Test
    void shouldDescribeExactlyTheKeysTheReaderKnows() throws IOException {
        Map<String, List<String>> fromSchema = schemaMappings(schema());

        assertThat(fromSchema.keySet())
                .containsExactlyInAnyOrderElementsOf(SpecKeys.catalog().keySet());
        SpecKeys.catalog()
                .forEach((path, keys) -> assertThat(fromSchema.get(path))
                        .as("keys of '%s'", path)
                        .containsExactlyInAnyOrderElementsOf(keys));
    }

    @Test
    void shouldCloseEveryMappingAndDescribeEveryProperty() throws IOException {
        JsonNode root = schema();
        List<String> open = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        check(root, root, "", open, undocumented);

        assertThat(open).as("objects without additionalProperties: false").isEmpty();
        assertThat(undocumented).as("properties without a description").isEmpty();
        assertThat(root.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static void check(JsonNode root, JsonNode node, String path, List<String> open, List<String> undocumented) {
        if (node.has("properties")) {
            if (!node.path("additionalProperties").isBoolean()
                    || node.get("additionalProperties").asBoolean()) {
                open.add(path);
            }
            node.get("properties").fields().forEachRemaining(property -> {
                String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                if (!property.getValue().has("description")) {
                    undocumented.add(child);
                }
                check(root, property.getValue(), child, open, undocumented);
            });
        }
        if (node.has("items")) {
            check(root, node.get("items"), path + "[]", open, undocumented);
        }
        if (SpecKeys.FREE_FORM.contains(path)) {
            assertThat(node.path("additionalProperties").isObject())
                    .as(path + " takes the user's names")
                    .isTrue();
        }
    }

    @Test
    void shouldListTheSameEnumValuesAsTheCode() throws IOException {
        JsonNode root = schema();
        JsonNode properties = root.get("properties");

        assertThat(enumAt(root, "strategy", "type")).isEqualTo(yamlNames(ReleaseStrategy.values()));
        assertThat(enumAt(root, "traffic", "router")).isEqualTo(yamlNames(RouterType.values()));
        assertThat(enumAt(
                        properties
                                .get("gates")
                                .get("properties")
                                .get("objectives")
                                .get("items"),
                        "source"))
                .isEqualTo(yamlNames(ObjectiveSource.values()));
        assertThat(enumAt(
                        properties
                                .get("rollback")
                                .get("properties")
                                .get("triggers")
                                .get("items"),
                        "severity"))
                .isEqualTo(yamlNames(Severity.values()));
        assertThat(enumAt(root, "rollback", "onAbort")).isEqualTo(yamlNames(AbortAction.values()));
        assertThat(enumAt(root, "traffic", "onReadBackMismatch")).isEqualTo(yamlNames(ReadBackAction.values()));
        assertThat(values(properties
                        .get("notifications")
                        .get("items")
                        .get("properties")
                        .get("events")
                        .get("items")))
                .isEqualTo(yamlNames(NotificationEvent.values()));
        JsonNode notification = properties.get("notifications").get("items");
        assertThat(enumAt(notification, "type")).isEqualTo(yamlNames(NotificationType.values()));
        assertThat(values(notification.get("properties").get("severities").get("items")))
                .isEqualTo(yamlNames(NotificationSeverity.values()));
        assertThat(values(root.get("$defs").get("comparator")))
                .isEqualTo(Arrays.stream(Comparator.values())
                        .map(Comparator::symbol)
                        .collect(Collectors.toList()));
    }

    @Test
    void shouldTakeTheComparatorsTheReaderTakesForMetricThresholds() throws IOException {
        JsonNode root = schema();
        String criterion = root.at("/properties/strategy/properties/canary/properties/steps/items/properties/criteria")
                .get("additionalProperties")
                .get("pattern")
                .asText();

        assertThat(values(root.get("$defs").get("metricComparator")))
                .isEqualTo(MetricThreshold.COMPARATORS.stream()
                        .map(Comparator::symbol)
                        .collect(Collectors.toList()));
        assertThat(root.at("/properties/rollback/properties/triggers/items/properties/comparator/$ref")
                        .asText())
                .isEqualTo("#/$defs/metricComparator");
        for (Comparator comparator : Comparator.values()) {
            String condition = comparator.symbol() + " 1%";
            assertThat(Pattern.compile(criterion).matcher(condition).matches())
                    .as("schema takes criterion '%s'", condition)
                    .isEqualTo(readerTakes("{ errorRate: \"" + condition + "\" }", "50%"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1%", "5%", "5.0%", "99%", "0%", "0.5%", "25.5%", "99.9%", "101%", "-5%", "5"})
    void shouldTakeTheStepWeightsTheReaderTakes(String weight) throws IOException {
        String pattern = schema().get("$defs").get("stepWeight").get("pattern").asText();

        assertThat(Pattern.compile(pattern).matcher(weight).matches())
                .as("schema takes weight '%s'", weight)
                .isEqualTo(readerTakes("{}", weight));
    }

    /** Whether the reader accepts a two-step canary whose first step has {@code weight} and {@code criteria}. */
    private static boolean readerTakes(String criteria, String weight) {
        String yaml = "service: checkout\n" + BadSpecs.ROUTER + "strategy:\n  canary:\n    steps:\n"
                + "      - { weight: \"" + weight + "\", duration: 5m, criteria: " + criteria + " }\n"
                + "      - { weight: 100% }\n";
        return SpecReader.read("w.yml", yaml).isValid();
    }

    private static List<String> enumAt(JsonNode parent, String... path) {
        JsonNode node = parent;
        for (String key : path) {
            node = node.get("properties").get(key);
        }
        return values(node);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> yamlNames(SpecEnum[] values) {
        return Arrays.stream(values)
                .filter(SpecEnum::inSpec)
                .map(SpecEnum::yamlName)
                .collect(Collectors.toList());
    }

    @Test
    void shouldKnowEveryKeyOfTheExample() throws IOException {
        JsonNode example = new YAMLMapper().readTree(SpecReaderTest.EXAMPLE.toFile());
        List<String> unknown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        collect(example, "", unknown, seen);

        assertThat(unknown).isEmpty();
        assertThat(seen)
                .as("the example shows every mapping")
                .containsAll(SpecKeys.catalog().keySet());
    }

    private static void collect(JsonNode node, String path, List<String> unknown, List<String> seen) {
        if (node.isObject() && !SpecKeys.FREE_FORM.contains(SpecKeys.canonical(path))) {
            if (!seen.contains(SpecKeys.canonical(path))) {
                seen.add(SpecKeys.canonical(path));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!SpecKeys.keys(SpecKeys.canonical(path)).contains(field.getKey())) {
                    unknown.add(path + "." + field.getKey());
                }
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), unknown, seen);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", unknown, seen));
        }
    }
}
