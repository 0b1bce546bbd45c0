package io.releasepilot.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The problems of one spec record (or list) while its parts are read, in the order they are found. A record is
 * built only from parts that had none; the problems of a mapping's own keys belong to the one that opens it.
 */
final class Parts {
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|passwd|pwd|secret|token|api[-_]?key|private[-_]?key|credential).*");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Parts(String file) {
        this.file = file;
    }

    /** Takes over the problems of {@code part}; returns it, so a read and its recording are one expression. */
    <T> Bound<T> add(Bound<T> part) {
        problems.addAll(part.problems());
        return part;
    }

    void problem(@Nullable YamlNode node, String path, String message, String hint) {
        int line = node == null ? 1 : node.line;
        int column = node == null ? 1 : node.column;
        problem(line, column, path, message, hint);
    }

    void problem(int line, int column, String path, String message, String hint) {
        problems.add(new Problem(file, line, column, path, message, hint));
    }

    boolean isClean() {
        return problems.isEmpty();
    }

    /** Every problem found so far, in order. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The value when no part had a problem, else every problem found. */
    <T> Bound<T> result(T value) {
        return isClean() ? Bound.of(value) : Bound.invalid(problems);
    }

    /**
     * Builds a record once its parts are read. When a part had a problem the record is not built; a record that
     * rejects parts the binder accepted is reported at {@code node}.
     */
    <T> Bound<T> build(YamlNode node, String path, Supplier<T> constructor) {
        if (!isClean()) {
            return Bound.invalid(problems);
        }
        try {
            return Bound.of(constructor.get());
        } catch (IllegalArgumentException | NullPointerException rejected) {
            String message = rejected.getMessage() == null ? "invalid value" : rejected.getMessage();
            return Bound.invalid(new Problem(file, node.line, node.column, path, message, ""));
        }
    }

    <T> Bound<T> build(Mapping o, Supplier<T> constructor) {
        return build(o.node, o.path, constructor);
    }

    /** A mapping node, its unknown keys reported here. */
    Mapping open(YamlNode node, String path, String catalogPath) {
        Mapping mapping = new Mapping(node, path);
        List<String> known = SpecKeys.keys(catalogPath);
        for (YamlNode.Entry entry : node.entries) {
            if (!known.contains(entry.key())) {
                unknownKey(entry, mapping.child(entry.key()), known);
            }
        }
        return mapping;
    }

    /** The mapping at {@code key}: empty when it is absent, or not a mapping (reported). */
    Optional<Mapping> object(Mapping parent, String key, String catalogPath) {
        YamlNode node = parent.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node.kind != YamlNode.Kind.MAPPING) {
            problem(node, parent.child(key), Hints.expected("a mapping", node), "indent its keys under '" + key + ":'");
            return Optional.empty();
        }
        return Optional.of(open(node, parent.child(key), catalogPath));
    }

    /** The mappings of the list at {@code key}; the list itself or items that are not mappings are reported. */
    List<Mapping> objects(Mapping parent, String key, String catalogPath) {
        YamlNode node = parent.get(key);
        List<Mapping> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        String path = parent.child(key);
        if (node.kind != YamlNode.Kind.LIST) {
            problem(node, path, Hints.expected("a list", node), "write each entry on a line starting with '- '");
            return result;
        }
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            if (item.kind != YamlNode.Kind.MAPPING) {
                problem(
                        item,
                        path + "[" + i + "]",
                        Hints.expected("a mapping", item),
                        "see docs/release-pilot.example.yml");
            } else {
                result.add(open(item, path + "[" + i + "]", catalogPath));
            }
        }
        return result;
    }

    /** A second item of a list with the same {@code name}. */
    void unique(Set<String> seen, Bound<String> name, Mapping o, String key, String what) {
        if (name.isValid() && !seen.add(name.value())) {
            problem(
                    o.get(key),
                    o.child(key),
                    "duplicate " + what + " name '" + name.value() + "'",
                    "names must be unique");
        }
    }

    /** Criteria, objectives and triggers name a query or the health check's failure count. */
    void knownMetric(Set<String> metricNames, String name, int line, int column, String path) {
        if (!metricNames.contains(name)) {
            String hint = Hints.suggestion(name, metricNames);
            problem(
                    line,
                    column,
                    path,
                    "'" + name + "' is not a query in metrics.prometheus.queries nor "
                            + MetricsSpec.HEALTH_CHECK_FAILURES,
                    hint.isEmpty() ? "known: " + String.join(", ", Hints.sorted(metricNames)) : hint);
        }
    }

    private void unknownKey(YamlNode.Entry entry, String path, List<String> known) {
        String key = entry.key();
        boolean secretName = SECRET_KEY.matcher(key).matches()
                && !key.endsWith("Env")
                && !key.endsWith("CredentialsId")
                && !key.equals("credentialsId");
        if (secretName) {
            problem(
                    entry.line(),
                    entry.column(),
                    path,
                    "'" + key + "' looks like a secret; secrets never go in the spec",
                    "name an environment variable ('" + key + "Env: MY_VARIABLE') or a Jenkins credentials ID "
                            + "('credentialsId: my-credential')");
            return;
        }
        String hint = Hints.suggestion(key, known);
        problem(
                entry.line(),
                entry.column(),
                path,
                "unknown key '" + key + "'",
                hint.isEmpty() ? (known.isEmpty() ? "" : "known keys here: " + String.join(", ", known)) : hint);
    }
}
