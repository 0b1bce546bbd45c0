package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code environments}: where releases go, who may release there and who approves, and each one's own traffic
 * target and metric label values.
 */
final class EnvironmentsBinder {
    private final SpecValues values;

    EnvironmentsBinder(SpecValues values) {
        this.values = values;
    }

    Bound<List<EnvironmentSpec>> bind(Mapping root) {
        Parts list = values.parts();
        List<EnvironmentSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mapping o : list.objects(root, "environments", "environments[]")) {
            list.add(environment(o, names)).ifValid(result::add);
        }
        return list.result(result);
    }

    private Bound<EnvironmentSpec> environment(Mapping o, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(o, "name", null, "e.g. 'name: production'"));
        parts.unique(names, name, o, "name", "environment");
        Bound<List<String>> branches = parts.add(values.strings(o, "branches", List.of()));
        Bound<List<String>> tags = parts.add(values.strings(o, "tags", List.of()));
        Bound<Integer> approvals =
                parts.add(values.integer(o, "requiredApprovals", SpecDefaults.REQUIRED_APPROVALS, 0, 100));
        Bound<List<String>> approvers = parts.add(values.strings(o, "approvers", List.of()));
        if (approvals.isValid()
                && approvers.isValid()
                && !approvers.value().isEmpty()
                && approvals.value() > approvers.value().size()) {
            parts.problem(
                    o.get("requiredApprovals"),
                    o.child("requiredApprovals"),
                    approvals.value() + " approvals required but only "
                            + approvers.value().size() + " approvers listed",
                    "list more approvers or require fewer approvals");
        }
        // Same keys as the top-level traffic section, so the same catalog entries check them.
        Bound<Optional<TrafficSpec>> traffic = parts.add(parts.object(o, "traffic", "traffic")
                .map(t -> new TrafficBinder(values).bind(t).map(Optional::of))
                .orElseGet(() -> Bound.of(Optional.empty())));
        Bound<Map<String, String>> labels = parts.add(labels(o));
        return parts.build(
                o,
                () -> new EnvironmentSpec(
                        name.value(),
                        branches.value(),
                        tags.value(),
                        approvals.value(),
                        approvers.value(),
                        traffic.value(),
                        labels.value()));
    }

    /** {@code metricLabels: {env: staging}}: label name to the value written into this environment's queries. */
    private Bound<Map<String, String>> labels(Mapping o) {
        YamlNode node = o.get("metricLabels");
        if (node == null) {
            return Bound.of(Map.of());
        }
        String path = o.child("metricLabels");
        if (node.kind != YamlNode.Kind.MAPPING) {
            return values.problem(
                    node,
                    path,
                    Hints.expected("a mapping of label name to value", node),
                    "e.g. metricLabels: { env: staging }");
        }
        Parts parts = values.parts();
        Map<String, String> labels = new LinkedHashMap<>();
        for (YamlNode.Entry entry : node.entries) {
            YamlNode value = entry.value();
            if (!entry.key().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                parts.problem(
                        value,
                        path + "." + entry.key(),
                        "'" + entry.key() + "' is not a label name",
                        "letters, digits and '_', not starting with a digit (Prometheus label names)");
            } else if (!value.isScalar() || value.kind == YamlNode.Kind.NULL || value.text.isBlank()) {
                parts.problem(
                        value,
                        path + "." + entry.key(),
                        Hints.expected("a label value", value),
                        "e.g. " + entry.key() + ": staging");
            } else if (value.text.contains("\"") || value.text.contains("\\")) {
                parts.problem(
                        value,
                        path + "." + entry.key(),
                        "label value '" + value.text + "' contains a quote or backslash",
                        "it is written into PromQL between double quotes; use plain text");
            } else {
                labels.put(entry.key(), value.text);
            }
        }
        return parts.result(labels);
    }
}
