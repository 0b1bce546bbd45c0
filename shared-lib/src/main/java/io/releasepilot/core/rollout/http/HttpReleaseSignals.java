package io.releasepilot.core.rollout.http;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.probe.HttpProbeGateSource;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.prometheus.PrometheusGateSource;
import io.releasepilot.core.gate.prometheus.VersionSamples;
import io.releasepilot.core.judge.MetricSamples;
import io.releasepilot.core.rollout.JudgePlan;
import io.releasepilot.core.rollout.ReleaseSignals;
import io.releasepilot.core.spec.HealthCheckSpec;
import io.releasepilot.core.spec.MetricsSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurements of a live release from the spec: the named PromQL queries through the Prometheus gate source (with
 * {@code {{version}}} replaced), the health check through the HTTP probe gate source, and the judge's range queries.
 * Failures become missing data or a failed probe, never a pass.
 */
public final class HttpReleaseSignals implements ReleaseSignals {
    /** Resolution of the judge's range queries: one sample per second, as the test and demo scrapes run. */
    private static final Duration JUDGE_STEP = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(HttpReleaseSignals.class);

    private final Optional<PrometheusClient> prometheus;
    private final Map<String, String> queries;
    private final Optional<GateSource> health;

    public HttpReleaseSignals(
            Optional<PrometheusClient> prometheus, Map<String, String> queries, Optional<HealthCheckSpec> healthCheck) {
        this.prometheus = prometheus;
        this.queries = Map.copyOf(queries);
        this.health = healthCheck.map(check -> probe(HEALTH_CHECK, check.url(), check.expectStatus(), check.timeout()));
    }

    /** The spec's Prometheus (bearer token from the variable {@code tokenEnv} names in {@code env}) and health check. */
    public static HttpReleaseSignals from(ReleaseSpec spec, Map<String, String> env) {
        Optional<PrometheusClient> client = spec.metrics()
                .prometheus()
                .map(p ->
                        new PrometheusClient(p.url(), p.timeout(), p.tokenEnv().map(env::get)));
        Map<String, String> queries =
                spec.metrics().prometheus().map(p -> p.queries()).orElse(Map.of());
        return new HttpReleaseSignals(client, queries, spec.metrics().healthCheck());
    }

    @Override
    public Optional<List<MetricSamples>> judgeSamples(
            JudgePlan judge, String canaryVersion, String baselineVersion, Instant start, Instant end) {
        if (prometheus.isEmpty()) {
            return Optional.empty();
        }
        List<MetricSamples> samples = new ArrayList<>();
        for (JudgePlan.Metric metric : judge.metrics()) {
            try {
                VersionSamples series = prometheus
                        .get()
                        .versionSamples(
                                metric.query(),
                                metric.versionLabel(),
                                canaryVersion,
                                baselineVersion,
                                start,
                                end,
                                JUDGE_STEP);
                samples.add(MetricSamples.of(metric.name(), metric.direction(), series.canary(), series.baseline()));
            } catch (RuntimeException e) {
                // An unreachable Prometheus leaves the metric without samples: the judge says INCONCLUSIVE.
                LOG.warn("judge metric {}: {}", metric.name(), e.getMessage());
                samples.add(MetricSamples.of(metric.name(), metric.direction(), new double[0], new double[0]));
            }
        }
        return Optional.of(samples);
    }

    @Override
    public GateSource metrics(List<String> names, String version) {
        Map<String, String> asked = new LinkedHashMap<>();
        for (String name : names) {
            String query = queries.get(name);
            if (query != null) {
                asked.put(name, query);
            }
        }
        if (prometheus.isEmpty()) {
            return new Unavailable(
                    PrometheusGateSource.TYPE,
                    "metrics.prometheus",
                    "metrics.prometheus.url is not set in the spec, so " + names + " cannot be queried");
        }
        return new PrometheusGateSource(prometheus.get(), asked, version);
    }

    @Override
    public Optional<GateSource> health() {
        return health;
    }

    /** The health check when one is configured; a query name when Prometheus is configured and has that query. */
    @Override
    public boolean answers(String metric) {
        if (MetricsSpec.HEALTH_CHECK_FAILURES.equals(metric)) {
            return health.isPresent();
        }
        return prometheus.isPresent() && queries.containsKey(metric);
    }

    /** A probe of {@code url} making one attempt per observation: the engine counts consecutive failures itself. */
    public static GateSource probe(String name, URI url, int expectStatus, Duration timeout) {
        return new HttpProbeGateSource(name, url, expectStatus, 1, timeout, Duration.ZERO);
    }

    /** No source could be built: every objective on it is INCONCLUSIVE with the reason. */
    private record Unavailable(String type, String origin, String reason) implements GateSource {
        @Override
        public Observation observe() {
            return Observation.unavailable(type, origin, reason);
        }
    }
}
