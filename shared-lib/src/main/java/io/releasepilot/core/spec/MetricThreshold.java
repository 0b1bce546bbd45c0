package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which comparators a metric threshold accepts: canary criteria and rollback triggers compare a measured rate, latency
 * or count with {@code <}, {@code <=}, {@code >} or {@code >=}. {@code ==} is refused: a measured float equals a
 * threshold only by chance, and the rollout judges these thresholds with the four ordering comparators only. Gate
 * objectives are not metric thresholds in this sense; they keep {@code ==} (e.g. {@code failed == 0}).
 */
final class MetricThreshold {
    /** The vocabulary's one rule ({@link Comparator#isOrdering()}), as a set for the reader's hints. */
    static final Set<Comparator> COMPARATORS = Collections.unmodifiableSet(EnumSet.copyOf(
            Arrays.stream(Comparator.values()).filter(Comparator::isOrdering).toList()));

    /** How a problem names the thing that refuses a comparator. */
    static final String WHAT = "a metric threshold";

    private MetricThreshold() {}

    /** The record-level check: a criterion or trigger built by hand obeys the same rule the reader reports. */
    static Comparator require(Comparator comparator, String what) {
        if (!COMPARATORS.contains(Require.present(comparator, "comparator"))) {
            throw new IllegalArgumentException(what + " takes " + Hints.symbols(COMPARATORS) + ", not " + comparator);
        }
        return comparator;
    }
}
