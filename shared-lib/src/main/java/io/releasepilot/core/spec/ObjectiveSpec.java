package io.releasepilot.core.spec;

import io.releasepilot.core.release.Comparator;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One gate objective. Which fields matter depends on {@link #source()}: report sources (junit, jacoco, sarif) use
 * {@code metric}; {@code prometheus} uses {@code query}; both compare with {@code comparator} against {@code pass}
 * and optionally {@code warning}. {@code probe} uses {@code url}, {@code expectStatus}, {@code failures},
 * {@code timeout}; {@code regression} compares {@code query} with {@code baseline} allowing {@code maxRegression}.
 *
 * @param key the whole gate fails when this objective fails
 * @param baseline {@code ledger} (last successful release of the service) or a file path
 */
public record ObjectiveSpec(
        String name,
        ObjectiveSource source,
        Optional<String> metric,
        Optional<String> query,
        Optional<Comparator> comparator,
        Optional<Quantity> pass,
        Optional<Quantity> warning,
        double weight,
        boolean key,
        Optional<URI> url,
        int expectStatus,
        int failures,
        Duration timeout,
        String baseline,
        Percent maxRegression) {
    public ObjectiveSpec {
        Require.text(name, "objective name");
        Require.present(source, "source");
        Require.optional(metric, "metric");
        Require.optional(query, "query");
        Require.optional(comparator, "comparator");
        Require.optional(pass, "pass");
        Require.optional(warning, "warning");
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be >= 0, got " + weight);
        }
        Require.optional(url, "url");
        Require.status(expectStatus, "expectStatus");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1, got " + failures);
        }
        Require.positive(timeout, "timeout");
        Require.text(baseline, "baseline");
        Require.present(maxRegression, "maxRegression");
    }

    /** A report objective ({@code junit}, {@code jacoco}, {@code sarif}) with the default probe/regression fields. */
    public static ObjectiveSpec report(
            String name, ObjectiveSource source, String metric, Comparator comparator, Quantity pass, boolean key) {
        return new ObjectiveSpec(
                name,
                source,
                Optional.of(metric),
                Optional.empty(),
                Optional.of(comparator),
                Optional.of(pass),
                Optional.empty(),
                SpecDefaults.OBJECTIVE_WEIGHT,
                key,
                Optional.empty(),
                SpecDefaults.EXPECT_STATUS,
                SpecDefaults.PROBE_FAILURES,
                SpecDefaults.PROBE_TIMEOUT,
                SpecDefaults.REGRESSION_BASELINE,
                SpecDefaults.MAX_REGRESSION);
    }
}
