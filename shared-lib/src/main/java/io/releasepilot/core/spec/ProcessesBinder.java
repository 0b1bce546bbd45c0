package io.releasepilot.core.spec;

import java.util.List;
import java.util.regex.Pattern;

/** Binds {@code processes}: the environment allow-list and the extra secret variables of a release's programs. */
final class ProcessesBinder {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SpecValues values;

    ProcessesBinder(SpecValues values) {
        this.values = values;
    }

    Bound<ProcessesSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<List<String>> pass = parts.add(names(o, "passEnvironment"));
        Bound<List<String>> secrets = parts.add(names(o, "secretEnvironment"));
        return parts.build(o, () -> new ProcessesSpec(pass.value(), secrets.value()));
    }

    private Bound<List<String>> names(Mapping o, String key) {
        Parts parts = values.parts();
        Bound<List<String>> names = parts.add(values.strings(o, key, List.of()));
        if (names.isValid()) {
            for (int i = 0; i < names.value().size(); i++) {
                String name = names.value().get(i);
                if (!ENV_NAME.matcher(name).matches()) {
                    parts.problem(
                            o.get(key),
                            o.child(key) + "[" + i + "]",
                            "'" + name + "' is not an environment variable name",
                            "name the variable (letters, digits, '_'), e.g. DEPLOY_REGION; never its value");
                }
            }
        }
        return parts.build(o, names::value);
    }
}
