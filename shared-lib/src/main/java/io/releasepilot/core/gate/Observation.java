package io.releasepilot.core.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one source yielded: named values (e.g. {@code failed=0}, {@code line=0.93}), values it could not give with
 * the reason ({@code errorRate → "query returned no data"}), or — when the whole source was unavailable — only the
 * reason. Values are plain numbers; ratios are 0..1.
 *
 * @param source the source's type id ({@code junit}, {@code prometheus}, …)
 * @param origin where the values came from: the file(s), the Prometheus URL, the probed URL
 * @param values the named values, in the order the source produced them
 * @param missing values the source knows it could not produce, with the reason
 * @param unavailable the reason the whole source yielded nothing (unreachable, no file); empty when it answered
 * @param notes what a reader of a failed objective on these values should know that the numbers cannot say (e.g. a
 *     JUnit suite that broke outside its test cases, with its message); added to the explanation of a result that did
 *     not pass
 */
public record Observation(
        String source,
        String origin,
        Map<String, Double> values,
        Map<String, String> missing,
        Optional<String> unavailable,
        List<String> notes) {

    public Observation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        values = ordered(values);
        missing = ordered(missing);
        Objects.requireNonNull(unavailable, "unavailable");
        notes = List.copyOf(notes);
    }

    /** An observation without notes. */
    public Observation(
            String source,
            String origin,
            Map<String, Double> values,
            Map<String, String> missing,
            Optional<String> unavailable) {
        this(source, origin, values, missing, unavailable, List.of());
    }

    /** This observation with {@code notes} in place of its own. */
    public Observation withNotes(List<String> notes) {
        return new Observation(source, origin, values, missing, unavailable, notes);
    }

    // Map.copyOf would lose the source's order, which the reports keep.
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value, key)));
        return Collections.unmodifiableMap(copy);
    }

    /** A source that answered with these values. */
    public static Observation of(String source, String origin, Map<String, Double> values) {
        return new Observation(source, origin, values, Map.of(), Optional.empty());
    }

    /** A source that yielded nothing, with the reason (the objectives reading it become INCONCLUSIVE). */
    public static Observation unavailable(String source, String origin, String reason) {
        return new Observation(source, origin, Map.of(), Map.of(), Optional.of(reason));
    }

    /** The value named {@code metric}, if the source produced it. */
    public OptionalDouble value(String metric) {
        Double value = values.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Why {@code metric} has no value here: the source's reason, or the per-value reason, if any. */
    public Optional<String> reasonMissing(String metric) {
        if (unavailable.isPresent()) {
            return unavailable;
        }
        return Optional.ofNullable(missing.get(metric));
    }
}
