package io.releasepilot.core.gate;

/**
 * The port every gate input implements: a report file parser, a metrics backend, a health probe. A source is
 * configured when it is built (files, URL, queries) and asked once for its {@link Observation}.
 *
 * <p>Contract (checked by {@code GateSourceContractTest} for every adapter): {@link #type()} is the id listed in
 * {@link GateSourceRegistry}; missing input (no file matched, service unreachable, no data) yields an {@link
 * Observation#unavailable unavailable} observation, never a PASS-able value; malformed or hostile input throws {@link
 * io.releasepilot.core.InvalidInputException} with the file and the problem.
 */
public interface GateSource {

    /** The type id objectives name in {@code source:}, e.g. {@code junit}. */
    String type();

    /** Reads the input once; every outside call is bounded by a timeout. */
    Observation observe();

    /**
     * What the input points at in the code (failing tests, static-analysis results), for annotations next to the code.
     * Sources whose input has no code locations keep this default. Reads the input again with the same size limits and
     * parser safety as {@link #observe()}; malformed input throws like {@code observe}.
     */
    default java.util.List<Finding> findings() {
        return java.util.List.of();
    }
}
