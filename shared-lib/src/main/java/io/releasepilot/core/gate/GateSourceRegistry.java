package io.releasepilot.core.gate;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.jacoco.JacocoGateSource;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.gate.probe.HttpProbeGateSource;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.gate.regression.RegressionGateSource;
import io.releasepilot.core.gate.sarif.SarifGateSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every gate source Release Pilot supports, listed explicitly (no class-path scanning): the ids objectives name in
 * {@code source:}, what each reads, and — for report files — how to build one. The contract test fails for an
 * adapter that is missing here.
 */
public final class GateSourceRegistry {

    /**
     * One supported source.
     *
     * @param type the id objectives use
     * @param description what it reads, for docs and {@code --help}
     * @param implementation the adapter class
     * @param fromFiles builds the source from report files; empty for sources configured otherwise
     */
    public record Descriptor(
            String type,
            String description,
            Class<? extends GateSource> implementation,
            Optional<Function<List<Path>, GateSource>> fromFiles) {}

    private static final List<Descriptor> SOURCES = List.of(
            new Descriptor(
                    JunitGateSource.TYPE,
                    "JUnit XML (Surefire, Gradle, pytest, jest-junit, go-junit-report)",
                    JunitGateSource.class,
                    Optional.of(JunitGateSource::new)),
            new Descriptor(
                    JacocoGateSource.TYPE,
                    "JaCoCo XML coverage",
                    JacocoGateSource.class,
                    Optional.of(JacocoGateSource::new)),
            new Descriptor(
                    SarifGateSource.TYPE,
                    "SARIF 2.1.0 static analysis and vulnerability scans",
                    SarifGateSource.class,
                    Optional.of(SarifGateSource::new)),
            new Descriptor(
                    PrometheusGateSource.TYPE,
                    "named PromQL queries over the Prometheus HTTP API",
                    PrometheusGateSource.class,
                    Optional.empty()),
            new Descriptor(
                    HttpProbeGateSource.TYPE,
                    "HTTP health probe with N consecutive failures",
                    HttpProbeGateSource.class,
                    Optional.empty()),
            new Descriptor(
                    RegressionGateSource.TYPE,
                    "a metric compared with its baseline (file or ledger)",
                    RegressionGateSource.class,
                    Optional.empty()));

    private GateSourceRegistry() {}

    public static List<Descriptor> all() {
        return SOURCES;
    }

    /** The descriptor of {@code type}; an unknown id is the user's error and names the known ones. */
    public static Descriptor get(String type) {
        return SOURCES.stream()
                .filter(descriptor -> descriptor.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown gate source '" + type + "'; known: "
                        + String.join(
                                ", ", SOURCES.stream().map(Descriptor::type).toList())));
    }

    /** A report-file source of {@code type} over {@code files}. */
    public static GateSource fromFiles(String type, List<Path> files) {
        return get(type)
                .fromFiles()
                .orElseThrow(() -> new InvalidInputException("gate source '" + type + "' does not read report files"))
                .apply(files);
    }
}
