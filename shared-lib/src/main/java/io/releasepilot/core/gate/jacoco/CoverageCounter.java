package io.releasepilot.core.gate.jacoco;

/**
 * One JaCoCo counter: covered and missed items of one kind (instructions, branches, lines, methods, classes).
 *
 * @param missed items not covered
 * @param covered items covered
 */
public record CoverageCounter(long missed, long covered) {

    public CoverageCounter {
        if (missed < 0 || covered < 0) {
            throw new IllegalArgumentException("coverage counters must not be negative");
        }
    }

    /** covered / (missed + covered), 0..1; NaN when there is nothing to cover. */
    public double ratio() {
        long all = missed + covered;
        return all == 0 ? Double.NaN : (double) covered / all;
    }

    public CoverageCounter plus(CoverageCounter other) {
        return new CoverageCounter(missed + other.missed, covered + other.covered);
    }
}
