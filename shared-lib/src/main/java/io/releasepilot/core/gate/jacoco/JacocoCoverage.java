package io.releasepilot.core.gate.jacoco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coverage read from JaCoCo XML: the report-level counters by kind ({@code instruction}, {@code branch}, {@code
 * line}, {@code method}, {@code class}, {@code complexity}) and the same per package ({@code com/example/app}).
 *
 * @param overall report-level counters by kind
 * @param packages per-package counters by package name, then kind
 */
public record JacocoCoverage(Map<String, CoverageCounter> overall, Map<String, Map<String, CoverageCounter>> packages) {

    public static final JacocoCoverage NONE = new JacocoCoverage(Map.of(), Map.of());

    public JacocoCoverage {
        overall = Collections.unmodifiableMap(new LinkedHashMap<>(overall));
        Map<String, Map<String, CoverageCounter>> copy = new TreeMap<>();
        packages.forEach(
                (name, counters) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(counters))));
        packages = Collections.unmodifiableMap(copy);
    }

    /** Both reports' counters added, e.g. the reports of several modules. */
    public JacocoCoverage plus(JacocoCoverage other) {
        Map<String, CoverageCounter> sum = new LinkedHashMap<>(overall);
        other.overall.forEach((kind, counter) -> sum.merge(kind, counter, CoverageCounter::plus));
        Map<String, Map<String, CoverageCounter>> packageSum = new TreeMap<>();
        packages.forEach((name, counters) -> packageSum.put(name, new LinkedHashMap<>(counters)));
        other.packages.forEach((name, counters) -> counters.forEach((kind, counter) -> packageSum
                .computeIfAbsent(name, n -> new LinkedHashMap<>())
                .merge(kind, counter, CoverageCounter::plus)));
        return new JacocoCoverage(sum, packageSum);
    }
}
