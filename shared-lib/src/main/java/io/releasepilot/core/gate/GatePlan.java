package io.releasepilot.core.gate;

import io.releasepilot.core.gate.jacoco.JacocoGateSource;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.gate.probe.HttpProbeGateSource;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.gate.regression.FileBaselineSource;
import io.releasepilot.core.gate.regression.RegressionGateSource;
import io.releasepilot.core.gate.sarif.SarifGateSource;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.spec.GatesSpec;
import io.releasepilot.core.spec.ObjectiveSpec;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.spec.Quantity;
import io.releasepilot.core.spec.ReleaseSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A gate ready to run: the spec's {@code gates} section mapped onto the evaluator's policy and objectives, with the
 * sources that feed them (report files, Prometheus for the version under test, probes, regression baselines).
 *
 * @param policy the gate-wide thresholds and bypass authority
 * @param objectives what is evaluated
 * @param sources where the values come from; each is observed once by {@link #run()}
 */
public record GatePlan(GatesPolicy policy, List<Objective> objectives, List<GateSource> sources) {
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    public GatePlan {
        Objects.requireNonNull(policy, "policy");
        objectives = List.copyOf(objectives);
        sources = List.copyOf(sources);
    }

    /** What the plan needs besides the spec: the report files given, the version under test, the ledger baseline. */
    public record Inputs(
            Map<String, List<Path>> reports,
            String version,
            Map<String, String> environment,
            Optional<BaselineSource> ledgerBaseline) {
        public Inputs {
            reports = Map.copyOf(reports);
            Objects.requireNonNull(version, "version");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(ledgerBaseline, "ledgerBaseline");
        }
    }

    /** The seed gates (tests, line coverage, vulnerabilities) over the reports given. */
    public static GatePlan seed(Map<String, List<Path>> reports) {
        List<GateSource> sources = reportSources(reports);
        List<Objective> objectives = GateDefaults.seedObjectives(
                sources.stream().map(GateSource::type).collect(java.util.stream.Collectors.toSet()));
        return new GatePlan(GatesPolicy.defaults(), objectives, sources);
    }

    /** The spec's gates over the given inputs. */
    public static GatePlan from(ReleaseSpec spec, Inputs inputs) {
        GatesSpec gates = spec.gates();
        GatesPolicy policy = new GatesPolicy(
                gates.passPercent(), gates.warningPercent(), gates.inconclusiveBlocks(), gates.bypassAuthority());
        List<GateSource> sources = new ArrayList<>(reportSources(inputs.reports()));
        List<Objective> objectives = new ArrayList<>();
        Optional<PrometheusSpec> prometheus = spec.metrics().prometheus();
        Map<String, String> promQueries = new LinkedHashMap<>();
        for (ObjectiveSpec objective : gates.objectives()) {
            switch (objective.source()) {
                case JUNIT, JACOCO, SARIF, PROMETHEUS -> {
                    String metric = objective.source() == io.releasepilot.core.spec.ObjectiveSource.PROMETHEUS
                            ? objective.query().orElseThrow()
                            : objective.metric().orElseThrow();
                    objectives.add(compared(objective, metric));
                    if (objective.query().isPresent()) {
                        promQueries.put(metric, queryText(prometheus, metric));
                    }
                }
                case PROBE -> {
                    objectives.add(new Objective(
                            objective.name(),
                            HttpProbeGateSource.TYPE,
                            objective.name(),
                            Comparator.LESS,
                            objective.failures(),
                            OptionalDouble.empty(),
                            Unit.NUMBER,
                            objective.weight(),
                            objective.key()));
                    sources.add(new HttpProbeGateSource(
                            objective.name(),
                            objective.url().orElseThrow(),
                            objective.expectStatus(),
                            objective.failures(),
                            objective.timeout(),
                            PROBE_INTERVAL));
                }
                case REGRESSION -> {
                    String query = objective.query().orElseThrow();
                    objectives.add(new Objective(
                            objective.name(),
                            RegressionGateSource.TYPE,
                            objective.name(),
                            Comparator.LESS,
                            objective.maxRegression().ratio(),
                            OptionalDouble.empty(),
                            Unit.PERCENT,
                            objective.weight(),
                            objective.key()));
                    GateSource current =
                            prometheusSource(prometheus, Map.of(query, queryText(prometheus, query)), inputs);
                    sources.add(new RegressionGateSource(
                            objective.name(), query, current, baseline(objective.baseline(), inputs), true));
                }
            }
        }
        if (!promQueries.isEmpty()) {
            sources.add(prometheusSource(prometheus, promQueries, inputs));
        }
        return new GatePlan(policy, objectives, sources);
    }

    /** Observes every source once and evaluates the objectives. */
    public GateRun run() {
        List<Observation> observations = new ArrayList<>();
        for (GateSource source : sources) {
            observations.add(source.observe());
        }
        return new GateRun(GateEvaluator.evaluate(policy, objectives, observations), observations);
    }

    /** The verdict and the observations behind it (the report shows both). */
    public record GateRun(GateVerdict verdict, List<Observation> observations) {
        public GateRun {
            Objects.requireNonNull(verdict, "verdict");
            observations = List.copyOf(observations);
        }

        public GateReport report() {
            return new GateReport(verdict, observations);
        }
    }

    private static Objective compared(ObjectiveSpec objective, String metric) {
        Quantity pass = objective.pass().orElseThrow();
        OptionalDouble warning = objective.warning().isPresent()
                ? OptionalDouble.of(objective.warning().get().asNumber())
                : OptionalDouble.empty();
        return new Objective(
                objective.name(),
                objective.source().yamlName(),
                metric,
                objective.comparator().orElseThrow(),
                pass.asNumber(),
                warning,
                pass.unit(),
                objective.weight(),
                objective.key());
    }

    private static List<GateSource> reportSources(Map<String, List<Path>> reports) {
        List<GateSource> sources = new ArrayList<>();
        for (String type : List.of(JunitGateSource.TYPE, JacocoGateSource.TYPE, SarifGateSource.TYPE)) {
            List<Path> files = reports.get(type);
            if (files != null) {
                sources.add(GateSourceRegistry.fromFiles(type, files));
            }
        }
        return sources;
    }

    private static String queryText(Optional<PrometheusSpec> prometheus, String name) {
        return prometheus.map(p -> p.queries().get(name)).orElse(name);
    }

    private static GateSource prometheusSource(
            Optional<PrometheusSpec> prometheus, Map<String, String> queries, Inputs inputs) {
        if (prometheus.isEmpty()) {
            return new UnavailableGateSource(
                    PrometheusGateSource.TYPE,
                    "metrics.prometheus",
                    "metrics.prometheus.url is not set in the spec, so " + queries.keySet() + " cannot be queried");
        }
        PrometheusSpec settings = prometheus.get();
        Optional<String> token =
                settings.tokenEnv().map(name -> inputs.environment().get(name));
        return new PrometheusGateSource(
                new PrometheusClient(settings.url(), settings.timeout(), token), queries, inputs.version());
    }

    private static BaselineSource baseline(String baseline, Inputs inputs) {
        if ("ledger".equals(baseline)) {
            return inputs.ledgerBaseline().orElseGet(() -> new MissingBaselineSource("ledger (not configured)"));
        }
        return new FileBaselineSource(Path.of(baseline));
    }

    /** A source that could not be built: every objective on it is INCONCLUSIVE with the reason. */
    record UnavailableGateSource(String type, String origin, String reason) implements GateSource {
        @Override
        public Observation observe() {
            return Observation.unavailable(type, origin, reason);
        }
    }

    /** No baseline is available: regression objectives are INCONCLUSIVE, never PASS. */
    record MissingBaselineSource(String origin) implements BaselineSource {
        @Override
        public OptionalDouble baseline(String metric) {
            return OptionalDouble.empty();
        }
    }
}
