package io.releasepilot.core.gate.prometheus;

import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceException;
import io.releasepilot.core.gate.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named PromQL queries ({@code metrics.prometheus.queries}) run as instant queries, {@code {{version}}} replaced by
 * the version being measured. Each query must return one value: no series or NaN is "no data" for that value; more
 * than one series is "no data" too, with a hint to aggregate. An unreachable Prometheus makes the whole observation
 * unavailable (INCONCLUSIVE objectives) within the client's timeout.
 */
public final class PrometheusGateSource implements GateSource {

    public static final String TYPE = "prometheus";

    private final PrometheusClient client;
    private final Map<String, String> queries;
    private final String version;

    /**
     * @param client the Prometheus to ask
     * @param queries named PromQL queries; the names are the metric names objectives use
     * @param version replaces {@code {{version}}} in the queries (may be empty when they have none)
     */
    public PrometheusGateSource(PrometheusClient client, Map<String, String> queries, String version) {
        this.client = client;
        this.queries = new LinkedHashMap<>(queries);
        this.version = version;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Observation observe() {
        String origin = client.url().toString();
        if (queries.isEmpty()) {
            return Observation.unavailable(TYPE, origin, "no Prometheus queries are configured");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String promql = PrometheusClient.withVersion(query.getValue(), version);
            List<PrometheusSeries> series;
            try {
                series = client.instant(promql);
            } catch (GateSourceException e) {
                return Observation.unavailable(TYPE, origin, Objects.requireNonNullElse(e.getMessage(), e.toString()));
            }
            if (series.isEmpty()) {
                missing.put(query.getKey(), "query '" + promql + "' returned no data");
            } else if (series.size() > 1) {
                missing.put(
                        query.getKey(),
                        "query '" + promql + "' returned " + series.size()
                                + " series; aggregate it to one (sum, max, …)");
            } else if (Double.isNaN(series.get(0).lastValue())) {
                missing.put(query.getKey(), "query '" + promql + "' returned NaN (no traffic?)");
            } else {
                values.put(query.getKey(), series.get(0).lastValue());
            }
        }
        return new Observation(TYPE, origin, values, missing, java.util.Optional.empty());
    }
}
