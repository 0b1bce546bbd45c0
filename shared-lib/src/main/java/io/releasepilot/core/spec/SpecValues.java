package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.SpecEnum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the typed values of the spec (text, numbers, percentages, durations, thresholds, comparators, enums, lists)
 * from a mapping: each read is the value, the default when the key is omitted, or the problems with line, column and
 * a hint. Values that point outside the spec (URLs, commands, secret references) are read by {@link SpecReferences}.
 */
final class SpecValues {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final String file;

    SpecValues(String file) {
        this.file = file;
    }

    /** Collects the problems of one record of this file. */
    Parts parts() {
        return new Parts(file);
    }

    <T> Bound<T> problem(@Nullable YamlNode node, String path, String message, String hint) {
        int line = node == null ? 1 : node.line;
        int column = node == null ? 1 : node.column;
        return Bound.invalid(new Problem(file, line, column, path, message, hint));
    }

    /** A required key that is not there, reported at the mapping. */
    <T> Bound<T> missing(Mapping o, String key, String hint) {
        return problem(o.node, o.child(key), "missing required key '" + key + "'", hint);
    }

    /** The scalar at {@code key}: empty when it is omitted and optional; a problem when required, null or not one. */
    Bound<Optional<YamlNode>> scalar(Mapping o, String key, boolean required, String hint) {
        YamlNode node = o.get(key);
        if (node == null) {
            return required ? missing(o, key, hint) : Bound.of(Optional.empty());
        }
        if (node.kind == YamlNode.Kind.NULL) {
            return problem(
                    node,
                    o.child(key),
                    "'" + key + "' has no value",
                    required ? hint : "remove the key to use the default");
        }
        if (!node.isScalar()) {
            return problem(node, o.child(key), Hints.expected("a single value", node), hint);
        }
        return Bound.of(Optional.of(node));
    }

    /** The scalar at {@code key} parsed, or {@code fallback} when omitted; required when there is no fallback. */
    <T> Bound<T> read(Mapping o, String key, @Nullable T fallback, String hint, Function<YamlNode, Bound<T>> parse) {
        return scalar(o, key, fallback == null, hint)
                .flatMap(node ->
                        node.isPresent() ? parse.apply(node.get()) : Bound.of(Objects.requireNonNull(fallback, key)));
    }

    Bound<String> text(Mapping o, String key, @Nullable String fallback, String hint) {
        return read(
                o,
                key,
                fallback,
                hint,
                node -> node.text.isBlank()
                        ? problem(node, o.child(key), "'" + key + "' is empty", hint)
                        : Bound.of(node.text));
    }

    /** The text at {@code key} as written, empty allowed ({@code tagPrefix: ""}). */
    Bound<String> rawText(Mapping o, String key, String fallback) {
        return read(o, key, fallback, "", node -> Bound.of(node.text));
    }

    Bound<Optional<String>> optText(Mapping o, String key) {
        return o.has(key) ? text(o, key, null, "").map(Optional::of) : Bound.of(Optional.empty());
    }

    Bound<Integer> integer(Mapping o, String key, int fallback, int min, int max) {
        return read(o, key, fallback, "", node -> {
            long value;
            try {
                if (node.kind != YamlNode.Kind.NUMBER && node.kind != YamlNode.Kind.STRING) {
                    throw new NumberFormatException();
                }
                value = Long.parseLong(node.text.trim());
            } catch (NumberFormatException notAnInteger) {
                return problem(
                        node,
                        o.child(key),
                        Hints.expected("a whole number", node),
                        "e.g. '" + key + ": " + Math.max(min, fallback) + "'");
            }
            if (value < min || value > max) {
                return problem(
                        node, o.child(key), key + " must be between " + min + " and " + max + ", got " + value, "");
            }
            return Bound.of((int) value);
        });
    }

    Bound<Double> number(Mapping o, String key, double fallback, double min, double max) {
        return read(o, key, fallback, "", node -> {
            Optional<Double> value = parseNumber(node);
            if (value.isEmpty()) {
                return problem(
                        node,
                        o.child(key),
                        Hints.expected("a number", node),
                        "e.g. '" + key + ": " + Quantity.formatNumber(fallback) + "'");
            }
            if (value.get() < min || value.get() > max) {
                return problem(
                        node,
                        o.child(key),
                        key + " must be between " + Quantity.formatNumber(min) + " and " + Quantity.formatNumber(max)
                                + ", got " + Quantity.formatNumber(value.get()),
                        "");
            }
            return Bound.of(value.get());
        });
    }

    Bound<Double> positiveNumber(Mapping o, String key, double fallback) {
        return number(o, key, fallback, -Double.MAX_VALUE, Double.MAX_VALUE)
                .flatMap(value -> value <= 0
                        ? problem(
                                o.get(key),
                                o.child(key),
                                key + " must be more than 0, got " + Quantity.formatNumber(value),
                                "the default is " + Quantity.formatNumber(fallback))
                        : Bound.of(value));
    }

    /** A 0..100 score written as a number ({@code 90}) or a percentage ({@code 90%}). */
    Bound<Double> percentNumber(Mapping o, String key, double fallback) {
        YamlNode node = o.get(key);
        if (node != null
                && node.kind == YamlNode.Kind.STRING
                && Percent.parseNumber(node.text).isPresent()) {
            double value = Percent.parseNumber(node.text).get();
            if (value < 0 || value > 100) {
                return problem(node, o.child(key), key + " must be between 0 and 100, got " + node.text, "");
            }
            return Bound.of(value);
        }
        return number(o, key, fallback, 0, 100);
    }

    private static Optional<Double> parseNumber(YamlNode node) {
        if (node.kind != YamlNode.Kind.NUMBER && node.kind != YamlNode.Kind.STRING) {
            return Optional.empty();
        }
        String text = node.text.trim();
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    Bound<Boolean> bool(Mapping o, String key, boolean fallback) {
        return read(o, key, fallback, "", node -> {
            String text = node.text.trim().toLowerCase(Locale.ROOT);
            if (node.kind == YamlNode.Kind.BOOLEAN || text.equals("true") || text.equals("false")) {
                return Bound.of(text.equals("true"));
            }
            return problem(node, o.child(key), Hints.expected("true or false", node), "");
        });
    }

    Bound<Duration> duration(Mapping o, String key, @Nullable Duration fallback, boolean positive) {
        return read(o, key, fallback, "e.g. '" + key + ": 90s' or '2m'", node -> {
            Optional<Duration> parsed = DurationText.parse(node.text);
            if (parsed.isEmpty()) {
                boolean bareNumber = parseNumber(node).isPresent();
                return problem(
                        node,
                        o.child(key),
                        "'" + node.text + "' is not a duration",
                        bareNumber
                                ? "add a unit: '" + node.text.trim() + "s' or '" + node.text.trim() + "m'"
                                : "write e.g. 500ms, 90s, 2m, 1h");
            }
            Duration value = parsed.get();
            if (value.isNegative() || (positive && value.isZero())) {
                return problem(
                        node,
                        o.child(key),
                        key + " must be " + (positive ? "positive" : "zero or more") + ", got " + node.text.trim(),
                        positive ? "e.g. 30s" : "use 0s for 'at once'");
            }
            return Bound.of(value);
        });
    }

    Bound<Percent> percent(Mapping o, String key, @Nullable Percent fallback, double max, String hint) {
        return read(o, key, fallback, hint, node -> {
            Optional<Double> parsed =
                    node.kind == YamlNode.Kind.STRING ? Percent.parseNumber(node.text) : Optional.empty();
            if (parsed.isEmpty()) {
                boolean bareNumber = parseNumber(node).isPresent();
                return problem(
                        node,
                        o.child(key),
                        "'" + node.text + "' is not a percentage",
                        bareNumber ? "add the percent sign: '" + node.text.trim() + "%'" : "write e.g. 25% or 0.5%");
            }
            double value = parsed.get();
            if (value < 0) {
                return problem(node, o.child(key), key + " must not be negative, got " + node.text.trim(), "");
            }
            if (value > max) {
                return problem(
                        node,
                        o.child(key),
                        key + " " + node.text.trim() + " is over " + Quantity.formatNumber(max) + "%",
                        "at most " + Quantity.formatNumber(max) + "%");
            }
            return Bound.of(Percent.of(value));
        });
    }

    Bound<Quantity> quantity(Mapping o, String key) {
        return optQuantity(o, key, true).map(Optional::orElseThrow);
    }

    Bound<Optional<Quantity>> optQuantity(Mapping o, String key) {
        return optQuantity(o, key, false);
    }

    private Bound<Optional<Quantity>> optQuantity(Mapping o, String key, boolean required) {
        String hint = "a percentage (2%), duration (1000ms) or number (3)";
        return scalar(o, key, required, hint).flatMap(present -> {
            if (present.isEmpty()) {
                return Bound.of(Optional.empty());
            }
            YamlNode node = present.get();
            Optional<Quantity> parsed = Quantity.parse(node.text);
            if (parsed.isEmpty() || node.kind == YamlNode.Kind.BOOLEAN) {
                return problem(node, o.child(key), "'" + node.text + "' is not a threshold", hint);
            }
            return Bound.of(parsed);
        });
    }

    /**
     * A comparator among {@code accepted}; one that parses but is not accepted is refused for {@code what} (a metric
     * threshold takes no {@code ==}, see {@link MetricThreshold}).
     */
    Bound<Comparator> comparator(Mapping o, String key, Set<Comparator> accepted, String what) {
        List<String> symbols = accepted.stream().map(Comparator::symbol).collect(Collectors.toList());
        String quoted = symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        return read(o, key, null, "one of " + String.join(", ", symbols) + " (quoted)", node -> {
            Optional<Comparator> parsed = Comparator.ofSymbol(node.text);
            if (parsed.isEmpty()) {
                return problem(
                        node,
                        o.child(key),
                        "'" + node.text + "' is not a comparator",
                        "one of " + quoted + " (quoted)");
            }
            if (!accepted.contains(parsed.get())) {
                return problem(node, o.child(key), Hints.refused(parsed.get(), what), Hints.takes(accepted, what, ""));
            }
            return Bound.of(parsed.get());
        });
    }

    <E extends Enum<E> & SpecEnum> Bound<E> enumValue(Mapping o, String key, Class<E> type, @Nullable E fallback) {
        List<String> names = yamlNames(type);
        return read(
                o,
                key,
                fallback,
                "one of " + String.join(", ", names),
                node -> enumOf(node, o.child(key), type, names));
    }

    private <E extends Enum<E> & SpecEnum> Bound<E> enumOf(
            YamlNode node, String path, Class<E> type, List<String> names) {
        for (E constant : SpecEnum.specValues(type)) {
            if (constant.yamlName().equals(node.text.trim())) {
                return Bound.of(constant);
            }
        }
        String hint = Hints.suggestion(node.text.trim(), names);
        return problem(
                node,
                path,
                "unknown value '" + node.text + "'",
                hint.isEmpty() ? "one of " + String.join(", ", names) : hint);
    }

    <E extends Enum<E> & SpecEnum> Bound<List<E>> enumList(Mapping o, String key, Class<E> type, List<E> fallback) {
        YamlNode node = o.get(key);
        if (node == null) {
            return Bound.of(fallback);
        }
        List<String> names = yamlNames(type);
        if (node.kind != YamlNode.Kind.LIST) {
            return problem(
                    node, o.child(key), Hints.expected("a list", node), "e.g. [" + String.join(", ", names) + "]");
        }
        Parts parts = parts();
        List<E> result = new ArrayList<>();
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            String path = o.child(key) + "[" + i + "]";
            Bound<E> value = item.isScalar()
                    ? enumOf(item, path, type, names)
                    : problem(item, path, Hints.expected("a single value", item), "");
            parts.add(value).ifValid(constant -> {
                if (!result.contains(constant)) {
                    result.add(constant);
                }
            });
        }
        return parts.result(result);
    }

    private static <E extends Enum<E> & SpecEnum> List<String> yamlNames(Class<E> type) {
        return SpecEnum.specValues(type).stream().map(SpecEnum::yamlName).collect(Collectors.toList());
    }

    Bound<List<String>> strings(Mapping o, String key, @Nullable List<String> fallback) {
        YamlNode node = o.get(key);
        if (node == null) {
            return fallback == null ? missing(o, key, "a list, e.g. [\"a\", \"b\"]") : Bound.of(fallback);
        }
        if (node.kind != YamlNode.Kind.LIST) {
            return problem(
                    node,
                    o.child(key),
                    Hints.expected("a list", node),
                    "write it as [\"" + (node.isScalar() ? node.text : "...") + "\"]");
        }
        Parts parts = parts();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < node.items.size(); i++) {
            YamlNode item = node.items.get(i);
            if (!item.isScalar() || item.kind == YamlNode.Kind.NULL || item.text.isBlank()) {
                parts.problem(item, o.child(key) + "[" + i + "]", Hints.expected("a non-empty string", item), "");
            } else {
                result.add(item.text);
            }
        }
        return parts.result(result);
    }
}
