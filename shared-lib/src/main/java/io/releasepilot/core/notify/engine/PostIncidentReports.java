package io.releasepilot.core.notify.engine;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.prometheus.PrometheusClient;
import io.releasepilot.core.gate.prometheus.PrometheusSeries;
import io.releasepilot.core.notify.IncidentReport;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the post-incident report of a release: the ledger's steps, audit trail and approvals, and — when the spec has
 * Prometheus queries and the release was rolled back — each query's values from {@code before} the rollback to {@code
 * after} it (range queries, {@code {{version}}} replaced by the release's version). A query that fails is reported as
 * having no data, with the reason; it does not fail the report.
 */
public final class PostIncidentReports {
    private PostIncidentReports() {}

    public static IncidentReport build(
            ReleaseStore store,
            UUID releaseId,
            Optional<PrometheusSpec> prometheus,
            Map<String, String> environment,
            Duration before,
            Duration after) {
        Release release = store.find(releaseId)
                .orElseThrow(() -> new InvalidInputException(
                        "no release with id " + releaseId + " in the ledger; 'release-pilot status' lists releases"));
        List<ReleaseStep> steps = store.steps(releaseId);
        Instant rollbackAt = IncidentReport.rollbackTime(release, steps);
        List<IncidentReport.MetricWindow> metrics = new ArrayList<>();
        if (rollbackAt != null && prometheus.isPresent()) {
            PrometheusSpec spec = prometheus.get();
            Optional<String> token = spec.tokenEnv().map(environment::get);
            PrometheusClient client = new PrometheusClient(spec.url(), spec.timeout(), token);
            Instant start = rollbackAt.minus(before);
            Instant end = rollbackAt.plus(after);
            Duration step =
                    Duration.ofSeconds(Math.max(1, Duration.between(start, end).toSeconds() / 60));
            spec.queries().forEach((name, query) -> {
                String resolved = PrometheusClient.withVersion(query, release.version());
                try {
                    List<IncidentReport.MetricWindow.Point> points = new ArrayList<>();
                    for (PrometheusSeries series : client.range(resolved, start, end, step)) {
                        for (int i = 0; i < series.values().length; i++) {
                            points.add(new IncidentReport.MetricWindow.Point(
                                    Instant.ofEpochMilli((long) (series.timestamps()[i] * 1000)), series.values()[i]));
                        }
                    }
                    metrics.add(new IncidentReport.MetricWindow(name, resolved, points, null));
                } catch (RuntimeException e) { // one failed query must not hide the timeline
                    metrics.add(new IncidentReport.MetricWindow(name, resolved, List.of(), e.getMessage()));
                }
            });
        }
        return IncidentReport.of(release, steps, store.auditTrail(releaseId), store.approvals(releaseId), metrics);
    }
}
