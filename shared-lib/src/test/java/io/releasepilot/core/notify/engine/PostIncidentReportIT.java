package io.releasepilot.core.notify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.releasepilot.core.notify.IncidentReport;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.testing.TestServices;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The post-incident report of a rolled-back release over a real ledger (Postgres) and real Prometheus: the timeline
 * holds every ledger step and audit entry, row for row and in order, and the metric window comes from range queries.
 */
class PostIncidentReportIT {
    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    @Test
    void shouldReconstructTheTimelineRowForRowWithTheMetricsAroundTheRollback() throws Exception {
        PostgresReleaseStore store = LEDGER.store();
        String service = "svc-" + UUID.randomUUID();
        Release release = store.start(
                io.releasepilot.core.state.ReleaseRequest.of(
                        service, "prod", "1.4.0", io.releasepilot.core.release.ReleaseStrategy.CANARY, Actor.of("ci")),
                io.releasepilot.core.state.StartOptions.failFast());
        store.recordStep(
                release.id(),
                new io.releasepilot.core.state.NewStep(
                        1,
                        new io.releasepilot.core.state.StepDetail.TrafficApplied(
                                new io.releasepilot.core.traffic.TrafficSplit(90, 10), "test", null, "step 1")));
        store.pause(release.id(), Actor.of("alice"), "paged at 03:12");
        store.resume(release.id(), Actor.of("alice"), "looks like the canary");
        store.recordStep(
                release.id(),
                new io.releasepilot.core.state.NewStep(
                        1,
                        new io.releasepilot.core.state.StepDetail.Analysis(
                                java.time.Instant.now(),
                                "1.4.0",
                                Map.of("errorRate", 0.052),
                                Map.of("errorRate", "< 1%"),
                                io.releasepilot.core.release.Verdict.FAIL,
                                null)));
        store.recordStep(
                release.id(),
                new io.releasepilot.core.state.NewStep(
                        1,
                        new io.releasepilot.core.state.StepDetail.RollbackStarted(
                                "errorRate ≥ 1%",
                                "release-pilot", new io.releasepilot.core.state.RollbackCause.Operator(null, null))));
        store.finish(
                release.id(),
                io.releasepilot.core.state.ReleaseState.ROLLED_BACK,
                Actor.of("release-pilot"),
                "errorRate ≥ 1%");
        PrometheusSpec prometheus = new PrometheusSpec(
                URI.create(TestServices.get("RP_PROMETHEUS_URL")),
                Duration.ofSeconds(10),
                Optional.empty(),
                Map.of("errorRate", "vector(0.052)", "broken", "sum(rate("));

        IncidentReport report = PostIncidentReports.build(
                store, release.id(), Optional.of(prometheus), Map.of(), Duration.ofMinutes(10), Duration.ofMinutes(5));

        List<ReleaseStep> steps = store.steps(release.id());
        List<AuditEntry> audit = store.auditTrail(release.id());
        assertThat(report.timeline().stream().filter(row -> row.source().equals("step")))
                .extracting(IncidentReport.TimelineRow::sequence, IncidentReport.TimelineRow::what)
                .containsExactlyElementsOf(steps.stream()
                        .map(step -> org.assertj.core.groups.Tuple.tuple(
                                step.sequence(), step.step().detail().event()))
                        .toList());
        assertThat(report.timeline().stream().filter(row -> row.source().equals("audit")))
                .extracting(IncidentReport.TimelineRow::sequence)
                .containsExactlyElementsOf(
                        audit.stream().map(AuditEntry::sequence).toList());
        assertThat(report.timeline()).hasSize(steps.size() + audit.size());
        assertThat(report.timeline())
                .isSortedAccordingTo(java.util.Comparator.comparing(IncidentReport.TimelineRow::at));
        assertThat(report.rollbackAt()).isNotNull();

        IncidentReport.MetricWindow errorRate = report.metrics().stream()
                .filter(m -> m.metric().equals("errorRate"))
                .findFirst()
                .orElseThrow();
        assertThat(errorRate.points())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.value()).isEqualTo(0.052));
        assertThat(errorRate.points().get(0).at()).isBefore(report.rollbackAt());
        IncidentReport.MetricWindow broken = report.metrics().stream()
                .filter(m -> m.metric().equals("broken"))
                .findFirst()
                .orElseThrow();
        assertThat(broken.points()).isEmpty();
        assertThat(broken.error()).isNotBlank();

        assertThat(report.markdown())
                .contains("# Post-incident report: " + service + " 1.4.0 → prod")
                .contains("| rollback-started |")
                .contains("errorRate = 0.05200 (< 1%)")
                .contains("by alice: paged at 03:12")
                .contains("| pause |")
                .contains("(after rollback)");
        JsonNode json = NotifierFixture.JSON.readTree(report.json());
        assertThat(json.get("timeline")).hasSize(steps.size() + audit.size());
        assertThat(json.at("/release/state").asText()).isEqualTo("ROLLED_BACK");
    }
}
