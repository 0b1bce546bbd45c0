package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds {@code environments}: where releases go, who may release there and who approves. */
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
        return parts.build(
                o,
                () -> new EnvironmentSpec(
                        name.value(), branches.value(), tags.value(), approvals.value(), approvers.value()));
    }
}
