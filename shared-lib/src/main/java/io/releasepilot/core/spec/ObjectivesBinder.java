package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds {@code gates.objectives}: which fields an objective takes depends on its source, and a field that does not
 * apply to the source is a problem rather than silently ignored.
 */
final class ObjectivesBinder {
    private static final Map<ObjectiveSource, Set<String>> REPORT_METRICS = Map.of(
            ObjectiveSource.JUNIT, Set.of("total", "passed", "failed", "errors", "skipped"),
            ObjectiveSource.JACOCO, Set.of("instruction", "branch", "line", "method", "class"),
            ObjectiveSource.SARIF, Set.of("error", "warning", "note", "none", "highOrCritical"));
    private static final Set<String> OBJECTIVE_COMMON = Set.of("name", "source", "weight", "key");
    private static final Map<ObjectiveSource, Set<String>> OBJECTIVE_KEYS = objectiveKeys();
    /** A gate objective is compared once, by the gate evaluator, which also knows {@code ==}. */
    private static final Set<Comparator> COMPARATORS = Collections.unmodifiableSet(EnumSet.allOf(Comparator.class));

    private final SpecValues values;
    private final SpecReferences references;
    private final Set<String> metricNames;

    ObjectivesBinder(SpecValues values, Set<String> metricNames) {
        this.values = values;
        this.references = new SpecReferences(values);
        this.metricNames = metricNames;
    }

    Bound<List<ObjectiveSpec>> bind(Mapping gates) {
        Parts list = values.parts();
        List<ObjectiveSpec> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mapping o : list.objects(gates, "objectives", "gates.objectives[]")) {
            list.add(objective(o, names)).ifValid(result::add);
        }
        return list.result(result);
    }

    private Bound<ObjectiveSpec> objective(Mapping o, Set<String> names) {
        Parts parts = values.parts();
        Bound<String> name = parts.add(values.text(o, "name", null, "e.g. 'name: line-coverage'"));
        parts.unique(names, name, o, "name", "objective");
        Bound<ObjectiveSource> sourceRead = parts.add(values.enumValue(o, "source", ObjectiveSource.class, null));
        ObjectiveSource source = sourceRead.isValid() ? sourceRead.value() : null;
        if (source != null) {
            checkKeysApply(parts, o, source);
        }
        boolean compares = source != null && source != ObjectiveSource.PROBE && source != ObjectiveSource.REGRESSION;
        Bound<Optional<String>> metric = Bound.of(Optional.empty());
        Bound<Optional<String>> query = Bound.of(Optional.empty());
        if (source != null && REPORT_METRICS.containsKey(source)) {
            Set<String> known = REPORT_METRICS.get(source);
            metric = parts.add(values.text(o, "metric", null, "one of " + String.join(", ", Hints.sorted(known))))
                    .map(Optional::of);
            if (metric.isValid() && !known.contains(metric.value().get())) {
                parts.problem(
                        o.get("metric"),
                        o.child("metric"),
                        "unknown " + source.yamlName() + " metric '"
                                + metric.value().get() + "'",
                        Hints.suggestion(metric.value().get(), known));
            }
        }
        if (source == ObjectiveSource.PROMETHEUS || source == ObjectiveSource.REGRESSION) {
            query = parts.add(values.text(o, "query", null, "a query name from metrics.prometheus.queries"))
                    .map(Optional::of);
            YamlNode queryNode = o.get("query");
            if (query.isValid() && queryNode != null) {
                parts.knownMetric(metricNames, query.value().get(), queryNode.line, queryNode.column, o.child("query"));
            }
        }
        Bound<Optional<Comparator>> comparator = Bound.of(Optional.empty());
        Bound<Optional<Quantity>> pass = Bound.of(Optional.empty());
        Bound<Optional<Quantity>> warning = Bound.of(Optional.empty());
        if (compares) {
            comparator = parts.add(values.comparator(o, "comparator", COMPARATORS, "an objective"))
                    .map(Optional::of);
            pass = parts.add(values.quantity(o, "pass")).map(Optional::of);
            warning = parts.add(values.optQuantity(o, "warning"));
            if (comparator.isValid()
                    && pass.isValid()
                    && warning.isValid()
                    && warning.value().isPresent()) {
                checkWarning(
                        parts,
                        o,
                        comparator.value().get(),
                        pass.value().get(),
                        warning.value().get());
            }
        }
        Bound<Double> weight = parts.add(values.number(o, "weight", SpecDefaults.OBJECTIVE_WEIGHT, 0, 1_000_000));
        Bound<Boolean> key = parts.add(values.bool(o, "key", SpecDefaults.OBJECTIVE_KEY));
        Bound<Optional<URI>> url = source == ObjectiveSource.PROBE
                ? parts.add(references.url(o, "url")).map(Optional::of)
                : Bound.of(Optional.empty());
        Bound<Integer> status = parts.add(values.integer(o, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599));
        Bound<Integer> failures = parts.add(values.integer(o, "failures", SpecDefaults.PROBE_FAILURES, 1, 1000));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.PROBE_TIMEOUT, true));
        Bound<String> baseline = parts.add(values.text(o, "baseline", SpecDefaults.REGRESSION_BASELINE, ""));
        Bound<Percent> maxRegression =
                parts.add(values.percent(o, "maxRegression", SpecDefaults.MAX_REGRESSION, Double.MAX_VALUE, ""));
        Bound<Optional<String>> fMetric = metric;
        Bound<Optional<String>> fQuery = query;
        Bound<Optional<Comparator>> fComparator = comparator;
        Bound<Optional<Quantity>> fPass = pass;
        Bound<Optional<Quantity>> fWarning = warning;
        return parts.build(
                o,
                () -> new ObjectiveSpec(
                        name.value(),
                        sourceRead.value(),
                        fMetric.value(),
                        fQuery.value(),
                        fComparator.value(),
                        fPass.value(),
                        fWarning.value(),
                        weight.value(),
                        key.value(),
                        url.value(),
                        status.value(),
                        failures.value(),
                        timeout.value(),
                        baseline.value(),
                        maxRegression.value()));
    }

    private static void checkKeysApply(Parts parts, Mapping o, ObjectiveSource source) {
        Set<String> allowed = OBJECTIVE_KEYS.get(source);
        for (YamlNode.Entry entry : o.node.entries) {
            if (SpecKeys.keys("gates.objectives[]").contains(entry.key()) && !allowed.contains(entry.key())) {
                parts.problem(
                        entry.line(),
                        entry.column(),
                        o.child(entry.key()),
                        "'" + entry.key() + "' does not apply to a '" + source.yamlName() + "' objective",
                        "a " + source.yamlName() + " objective takes "
                                + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static void checkWarning(Parts parts, Mapping o, Comparator comparator, Quantity pass, Quantity warning) {
        if (comparator == Comparator.EQUAL) {
            parts.problem(
                    o.get("warning"),
                    o.child("warning"),
                    "a warning threshold needs <, <=, > or >=, not ==",
                    "remove 'warning'");
            return;
        }
        // the pass condition is 'value <comparator> pass'; the warning band lies on the failing side of pass
        boolean stricter =
                comparator.isUpward() ? warning.asNumber() > pass.asNumber() : warning.asNumber() < pass.asNumber();
        if (stricter) {
            parts.problem(
                    o.get("warning"),
                    o.child("warning"),
                    "warning " + warning + " is stricter than pass " + pass + " for '" + comparator + "'",
                    "a warning threshold is less strict than the pass threshold, e.g. pass: 90%, warning: 80% for '>='");
        }
    }

    private static Map<ObjectiveSource, Set<String>> objectiveKeys() {
        Map<ObjectiveSource, Set<String>> keys = new HashMap<>();
        Set<String> report = Set.of("metric", "comparator", "pass", "warning");
        keys.put(ObjectiveSource.JUNIT, report);
        keys.put(ObjectiveSource.JACOCO, report);
        keys.put(ObjectiveSource.SARIF, report);
        keys.put(ObjectiveSource.PROMETHEUS, Set.of("query", "comparator", "pass", "warning"));
        keys.put(ObjectiveSource.PROBE, Set.of("url", "expectStatus", "failures", "timeout"));
        keys.put(ObjectiveSource.REGRESSION, Set.of("query", "baseline", "maxRegression"));
        Map<ObjectiveSource, Set<String>> withCommon = new HashMap<>();
        keys.forEach((source, specific) -> {
            Set<String> all = new LinkedHashSet<>(OBJECTIVE_COMMON);
            all.addAll(specific);
            withCommon.put(source, Set.copyOf(all));
        });
        return Map.copyOf(withCommon);
    }
}
