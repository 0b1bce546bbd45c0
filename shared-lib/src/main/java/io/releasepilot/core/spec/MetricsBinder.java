package io.releasepilot.core.spec;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code metrics}: Prometheus with its named queries, and the health check. */
final class MetricsBinder {
    /**
     * The bound section and the metric names criteria, objectives and triggers may use: the default and the user's
     * queries plus {@link MetricsSpec#HEALTH_CHECK_FAILURES}, known even when the section has problems.
     */
    record Metrics(Bound<MetricsSpec> spec, Set<String> names) {}

    private final SpecValues values;
    private final SpecReferences references;

    MetricsBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Metrics bind(Mapping root, Optional<Mapping> section, String service) {
        Map<String, String> queries = new LinkedHashMap<>(SpecDefaults.queries(service));
        Parts parts = values.parts();
        Bound<Optional<PrometheusSpec>> prometheus = Bound.of(Optional.empty());
        Bound<Optional<HealthCheckSpec>> health = Bound.of(Optional.empty());
        if (section.isPresent()) {
            Mapping o = section.get();
            prometheus = parts.add(parts.object(o, "prometheus", "metrics.prometheus")
                    .map(p -> prometheus(p, queries).map(Optional::of))
                    .orElseGet(() -> Bound.of(Optional.empty())));
            health = parts.add(parts.object(o, "healthCheck", "metrics.healthCheck")
                    .map(h -> healthCheck(h).map(Optional::of))
                    .orElseGet(() -> Bound.of(Optional.empty())));
        }
        Set<String> names = new LinkedHashSet<>(queries.keySet());
        names.add(MetricsSpec.HEALTH_CHECK_FAILURES);
        Bound<Optional<PrometheusSpec>> fPrometheus = prometheus;
        Bound<Optional<HealthCheckSpec>> fHealth = health;
        Bound<MetricsSpec> spec =
                parts.build(root.node, "metrics", () -> new MetricsSpec(fPrometheus.value(), fHealth.value()));
        // insertion order: suggestions pick the first of equally close names
        return new Metrics(spec, Collections.unmodifiableSet(names));
    }

    /** Adds the user's queries to {@code queries} (the same name replaces a default) as they are read. */
    private Bound<PrometheusSpec> prometheus(Mapping p, Map<String, String> queries) {
        Parts parts = values.parts();
        Bound<URI> url = parts.add(references.url(p, "url"));
        Bound<Duration> timeout = parts.add(values.duration(p, "timeout", SpecDefaults.PROMETHEUS_TIMEOUT, true));
        Bound<Optional<String>> tokenEnv = parts.add(references.envName(p, "tokenEnv"));
        queries(parts, p, queries);
        return parts.build(p, () -> new PrometheusSpec(url.value(), timeout.value(), tokenEnv.value(), queries));
    }

    private void queries(Parts parts, Mapping prometheus, Map<String, String> queries) {
        YamlNode node = prometheus.get("queries");
        if (node == null) {
            return;
        }
        String path = prometheus.child("queries");
        if (node.kind != YamlNode.Kind.MAPPING) {
            parts.problem(
                    node,
                    path,
                    Hints.expected("a mapping of query name to PromQL", node),
                    "e.g. errorRate: 'sum(rate(...))'");
            return;
        }
        for (YamlNode.Entry entry : node.entries) {
            YamlNode value = entry.value();
            if (value.kind != YamlNode.Kind.STRING || value.text.isBlank()) {
                parts.problem(
                        value,
                        path + "." + entry.key(),
                        Hints.expected("a PromQL query", value),
                        "quote it with single quotes");
            } else {
                queries.put(entry.key(), value.text);
            }
        }
    }

    private Bound<HealthCheckSpec> healthCheck(Mapping h) {
        Parts parts = values.parts();
        Bound<URI> url = parts.add(references.url(h, "url"));
        Bound<Integer> status = parts.add(values.integer(h, "expectStatus", SpecDefaults.EXPECT_STATUS, 100, 599));
        Bound<Duration> interval = parts.add(values.duration(h, "interval", SpecDefaults.HEALTH_CHECK_INTERVAL, true));
        Bound<Duration> timeout = parts.add(values.duration(h, "timeout", SpecDefaults.HEALTH_CHECK_TIMEOUT, true));
        return parts.build(
                h, () -> new HealthCheckSpec(url.value(), status.value(), interval.value(), timeout.value()));
    }
}
