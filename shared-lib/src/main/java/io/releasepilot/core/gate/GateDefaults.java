package io.releasepilot.core.gate;

import io.releasepilot.core.gate.jacoco.JacocoGateSource;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.gate.sarif.SarifGateSource;
import io.releasepilot.core.release.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The seed's gates, applied when no spec is given: all tests pass, line coverage ≥ 90 %, no high or critical
 * vulnerabilities. All three are key objectives, so none of them can be outweighed by the others.
 */
public final class GateDefaults {

    /** Failed (failures + errors) test cases allowed. */
    public static final double MAX_FAILED_TESTS = 0;
    /** Minimum line coverage, as a ratio. */
    public static final double MIN_LINE_COVERAGE = 0.90;
    /** High or critical SARIF results allowed (security-severity ≥ 7.0). */
    public static final double MAX_HIGH_OR_CRITICAL = 0;

    private GateDefaults() {}

    /** All three seed objectives. */
    public static List<Objective> seedObjectives() {
        return List.of(
                Objective.of("tests", JunitGateSource.TYPE, "failed", Comparator.LESS_OR_EQUAL, MAX_FAILED_TESTS)
                        .withWeight(2)
                        .asKey(),
                Objective.of(
                                "line-coverage",
                                JacocoGateSource.TYPE,
                                "line",
                                Comparator.GREATER_OR_EQUAL,
                                MIN_LINE_COVERAGE)
                        .asKey(),
                Objective.of(
                                "vulnerabilities",
                                SarifGateSource.TYPE,
                                "highOrCritical",
                                Comparator.LESS_OR_EQUAL,
                                MAX_HIGH_OR_CRITICAL)
                        .asKey());
    }

    /** The seed objectives whose source is among {@code sourceTypes} (the inputs actually given). */
    public static List<Objective> seedObjectives(Set<String> sourceTypes) {
        return seedObjectives().stream()
                .filter(objective -> sourceTypes.contains(objective.source()))
                .toList();
    }
}
