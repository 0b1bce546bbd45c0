package io.releasepilot.core.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The post-incident report of a release, reconstructed from the ledger: one timeline row per ledger step, audit entry
 * (operator actions) and approval, in time order and none folded, so the timeline matches the ledger row for row; and
 * the metric values around the rollback (Prometheus range queries the shell ran). Pure: the shell passes it all in.
 *
 * @param rollbackAt when the rollback began (its rollback-started step, else the end of a rolled-back release)
 */
public record IncidentReport(
        Release release,
        List<TimelineRow> timeline,
        List<MetricWindow> metrics,
        @Nullable Instant rollbackAt) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public IncidentReport {
        Objects.requireNonNull(release, "release");
        timeline = List.copyOf(timeline);
        metrics = List.copyOf(metrics);
    }

    /**
     * One row of the timeline.
     *
     * @param source {@code step}, {@code audit} or {@code approval}: the ledger table the row comes from
     * @param sequence the row's sequence in that table
     * @param what the step's event (traffic-applied, analysis, notify, rollback-started…) or the operator action
     */
    public record TimelineRow(
            Instant at,
            String source,
            long sequence,
            String what,
            @Nullable String verdict,
            @Nullable String weights,
            String detail) {}

    /** One query's values around the rollback; {@code error} says why there are none when the query failed. */
    public record MetricWindow(
            String metric,
            String query,
            List<Point> points,
            @Nullable String error) {
        public MetricWindow {
            points = List.copyOf(points);
        }

        public record Point(Instant at, double value) {}
    }

    public static IncidentReport of(
            Release release,
            List<ReleaseStep> steps,
            List<AuditEntry> audit,
            List<Approval> approvals,
            List<MetricWindow> metrics) {
        List<TimelineRow> rows = new ArrayList<>();
        for (ReleaseStep step : steps) {
            TrafficSplit weights = step.step().weights();
            rows.add(new TimelineRow(
                    step.recordedAt(),
                    "step",
                    step.sequence(),
                    step.step().detail().event(),
                    step.step().verdict() == null ? null : step.step().verdict().name(),
                    weights == null ? null : weights.stable() + "/" + weights.canary(),
                    "step " + step.step().stepIndex() + ": "
                            + describe(step.step().detail())));
        }
        for (AuditEntry entry : audit) {
            rows.add(new TimelineRow(
                    entry.at(),
                    "audit",
                    entry.sequence(),
                    entry.action().name().toLowerCase(java.util.Locale.ROOT),
                    null,
                    null,
                    "by " + entry.actor().name() + (entry.reason() == null ? "" : ": " + entry.reason())));
        }
        for (Approval approval : approvals) {
            rows.add(new TimelineRow(
                    approval.at(),
                    "approval",
                    approval.sequence(),
                    "approve",
                    null,
                    null,
                    "step " + approval.stepIndex() + " by "
                            + approval.approver().name()
                            + (approval.comment() == null ? "" : ": " + approval.comment())));
        }
        rows.sort(Comparator.comparing(TimelineRow::at)
                .thenComparing(TimelineRow::source)
                .thenComparingLong(TimelineRow::sequence));
        return new IncidentReport(release, rows, metrics, rollbackTime(release, steps));
    }

    /** When the rollback began, or null for a release that was not rolled back. */
    public static @Nullable Instant rollbackTime(Release release, List<ReleaseStep> steps) {
        Instant started = null;
        for (ReleaseStep step : steps) {
            if (step.step().detail() instanceof StepDetail.RollbackStarted) {
                started = step.recordedAt();
            }
        }
        if (started != null) {
            return started;
        }
        return release.state() == io.releasepilot.core.state.ReleaseState.ROLLED_BACK ? release.finishedAt() : null;
    }

    static String describe(StepDetail detail) {
        if (detail instanceof StepDetail.Analysis analysis) {
            List<String> parts = new ArrayList<>();
            analysis.values()
                    .forEach((metric, value) -> parts.add(metric + " = " + Evidence.number(value)
                            + (analysis.thresholds().containsKey(metric)
                                    ? " (" + analysis.thresholds().get(metric) + ")"
                                    : "")));
            if (analysis.judge() != null) {
                analysis.judge()
                        .metrics()
                        .forEach(m -> parts.add(m.metric() + " p-value " + Evidence.number(m.pValue())
                                + ", effect size " + Evidence.number(m.effectSize())));
            }
            return analysis.version() + " " + analysis.verdict() + ": " + String.join("; ", parts);
        }
        if (detail instanceof StepDetail.TrafficApplied applied) {
            return "weights " + applied.weights().stable() + "/"
                    + applied.weights().canary() + " via " + applied.router() + " (" + applied.reason() + ")";
        }
        if (detail instanceof StepDetail.TrafficIntent intent) {
            return "intends " + intent.weights().stable() + "/"
                    + intent.weights().canary() + " (" + intent.reason() + ")";
        }
        if (detail instanceof StepDetail.Gate gate) {
            return gate.verdict() + ": " + gate.reason();
        }
        if (detail instanceof StepDetail.Notice notice) {
            return notice.message();
        }
        if (detail instanceof StepDetail.RollbackStarted rollback) {
            return rollback.reason() + " (by " + rollback.actor() + ")";
        }
        if (detail instanceof StepDetail.HealthCheck health) {
            return health.consecutiveFailures() + " health probe failures in a row";
        }
        String text = detail.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The report as Markdown: summary, timeline table, metric windows. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Post-incident report: ")
                .append(release.service())
                .append(' ')
                .append(release.version())
                .append(" → ")
                .append(release.environment())
                .append("\n\n");
        md.append("- Release: `")
                .append(release.id())
                .append("`, ")
                .append(release.state())
                .append('\n');
        md.append("- Started: ")
                .append(release.startedAt())
                .append(" by ")
                .append(release.request().actor().name())
                .append('\n');
        if (release.finishedAt() != null) {
            md.append("- Finished: ").append(release.finishedAt()).append('\n');
        }
        if (release.finishReason() != null) {
            md.append("- Reason: ").append(cell(release.finishReason())).append('\n');
        }
        if (rollbackAt != null) {
            md.append("- Rollback began: ").append(rollbackAt).append('\n');
        }
        md.append(
                "\n## Timeline\n\n| time | source | # | what | verdict | weights | detail |\n|---|---|---|---|---|---|---|\n");
        for (TimelineRow row : timeline) {
            md.append("| ")
                    .append(row.at())
                    .append(" | ")
                    .append(row.source())
                    .append(" | ")
                    .append(row.sequence())
                    .append(" | ")
                    .append(row.what())
                    .append(" | ")
                    .append(row.verdict() == null ? "" : row.verdict())
                    .append(" | ")
                    .append(row.weights() == null ? "" : row.weights())
                    .append(" | ")
                    .append(cell(row.detail()))
                    .append(" |\n");
        }
        if (!metrics.isEmpty()) {
            md.append("\n## Metrics around the rollback\n");
            for (MetricWindow window : metrics) {
                md.append("\n### ")
                        .append(window.metric())
                        .append("\n\n`")
                        .append(window.query())
                        .append("`\n\n");
                if (window.error() != null || window.points().isEmpty()) {
                    md.append("No data: ")
                            .append(window.error() == null ? "the query returned no samples" : window.error())
                            .append('\n');
                    continue;
                }
                md.append("| time | value |\n|---|---|\n");
                for (MetricWindow.Point point : window.points()) {
                    md.append("| ")
                            .append(point.at())
                            .append(rollbackAt != null && !point.at().isBefore(rollbackAt) ? " (after rollback)" : "")
                            .append(" | ")
                            .append(Evidence.number(point.value()))
                            .append(" |\n");
                }
            }
        }
        return md.toString();
    }

    /** The report as JSON: release, rollbackAt, timeline[], metrics[]. */
    public String json() {
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
        java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("id", release.id().toString());
        summary.put("service", release.service());
        summary.put("environment", release.environment());
        summary.put("version", release.version());
        summary.put("state", release.state().name());
        summary.put("startedAt", release.startedAt());
        summary.put("finishedAt", release.finishedAt());
        summary.put("finishReason", release.finishReason());
        document.put("release", summary);
        document.put("rollbackAt", rollbackAt);
        document.put("timeline", timeline);
        document.put("metrics", metrics);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report: " + e.getMessage(), e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
