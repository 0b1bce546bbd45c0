package io.releasepilot.core.rollout;

import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.prometheus.PrometheusSeries;
import io.releasepilot.core.gate.prometheus.VersionSamples;
import io.releasepilot.core.judge.MetricSamples;
import io.releasepilot.core.spec.HealthCheckSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The measurements of a live release: named PromQL instant queries through {@link PrometheusClient} (with
 * {@code {{version}}} replaced) and HTTP probes with the JDK client. Failures become NaN or a failed probe, logged.
 */
public final class HttpReleaseSignals implements ReleaseSignals {
    /** Resolution of the judge's range queries: one sample per second, as the test and demo scrapes run. */
    private static final Duration JUDGE_STEP = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(HttpReleaseSignals.class);

    private final Optional<PrometheusClient> prometheus;
    private final Map<String, String> queries;
    private final Optional<HealthCheckSpec> healthCheck;
    private final HttpClient http;

    public HttpReleaseSignals(
            Optional<PrometheusClient> prometheus, Map<String, String> queries, Optional<HealthCheckSpec> healthCheck) {
        this.prometheus = prometheus;
        this.queries = Map.copyOf(queries);
        this.healthCheck = healthCheck;
        this.http = HttpClient.newBuilder()
                .connectTimeout(healthCheck.map(HealthCheckSpec::timeout).orElse(Duration.ofSeconds(2)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
    public Map<String, Double> metrics(List<String> names, String version) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : names) {
            String query = queries.get(name);
            if (query == null || prometheus.isEmpty()) {
                values.put(name, Double.NaN); // no query is no data, as the port promises for every name
                continue;
            }
            values.put(name, query(prometheus.get(), PrometheusClient.withVersion(query, version), name));
        }
        return values;
    }

    private static double query(PrometheusClient client, String query, String name) {
        try {
            List<PrometheusSeries> series = client.instant(query);
            if (series.isEmpty() || series.get(0).values().length == 0) {
                return Double.NaN;
            }
            double value = series.get(0).lastValue();
            return Double.isInfinite(value) ? Double.NaN : value;
        } catch (RuntimeException e) {
            LOG.warn("metric {} could not be read: {}", name, e.getMessage());
            return Double.NaN;
        }
    }

    @Override
    public Optional<Boolean> probeHealth() {
        return healthCheck.map(h -> probe(h.url(), h.expectStatus(), h.timeout()));
    }

    @Override
    public boolean probe(RolloutPlan.SmokeCheck check) {
        return probe(check.url(), check.expectStatus(), check.timeout());
    }

    private boolean probe(URI url, int expectStatus, Duration timeout) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == expectStatus;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
