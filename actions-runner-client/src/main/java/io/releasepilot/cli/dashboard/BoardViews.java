package io.releasepilot.cli.dashboard;

import io.releasepilot.core.dora.DoraReport;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Approval;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.DeploymentRecord;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the dashboard's pages and its JSON API show: one record per page, read by {@link BoardReader}. */
final class BoardViews {
    private BoardViews() {}

    /** The environments overview. */
    record Overview(String service, List<EnvironmentRow> environments) {}

    /**
     * One service + environment.
     *
     * @param live the release live there: the last that finished SUCCEEDED (slot columns come from the ledger's slot
     *     map once it has one)
     * @param running the release in progress or paused, holding the lock
     * @param readBack the weights the router read back after the last traffic change of the running release
     * @param latestAnalysis verdict of its latest analysis
     * @param latestGate verdict of its latest gate
     */
    record EnvironmentRow(
            String service,
            String environment,
            @Nullable Release live,
            @Nullable Release running,
            @Nullable TrafficSplit readBack,
            @Nullable Verdict latestAnalysis,
            @Nullable Verdict latestGate) {}

    /** A release with everything the ledger holds about it. */
    record Detail(
            Release release,
            List<ReleaseStep> timeline,
            List<Traffic> traffic,
            List<AnalysisRow> analyses,
            List<CanaryReport> canaryReports,
            List<GateRow> gates,
            List<String> notifications,
            List<Approval> approvals,
            List<AuditEntry> audit) {}

    /** A traffic change: the weights asked for and those read back. */
    record Traffic(
            Instant at,
            int step,
            TrafficSplit desired,
            @Nullable TrafficSplit readBack,
            String reason) {}

    /** One analysis: value and threshold per metric (the threshold keeps the unit as written, e.g. {@code < 1%}). */
    record AnalysisRow(Instant at, int step, Verdict verdict, List<Measure> measures) {}

    record Measure(String metric, @Nullable Double value, String threshold) {}

    /** A Kayenta-style report of one judged analysis: per metric pass / high / low / no-data, and the score. */
    record CanaryReport(
            Instant at, int step, Verdict verdict, double score, String reason, List<JudgedMetric> metrics) {}

    record JudgedMetric(
            String metric,
            String classification,
            @Nullable Double canary,
            @Nullable Double baseline,
            @Nullable Double effectSize,
            String explanation) {
        static JudgedMetric of(JudgeSummary.Metric m) {
            return new JudgedMetric(
                    m.metric(),
                    classify(m),
                    finite(m.canaryMedian()),
                    finite(m.baselineMedian()),
                    finite(m.effectSize()),
                    m.explanation());
        }

        /** Kayenta's classes: no data when either side has none; a failure is high or low by the medians. */
        static String classify(JudgeSummary.Metric m) {
            if (Double.isNaN(m.canaryMedian())
                    || Double.isNaN(m.baselineMedian())
                    || m.verdict() == Verdict.INCONCLUSIVE) {
                return "no-data";
            }
            if (m.verdict() == Verdict.PASS) {
                return "pass";
            }
            return m.canaryMedian() >= m.baselineMedian() ? "high" : "low";
        }
    }

    record GateRow(Instant at, Verdict verdict, double score, String reason, List<GateObjective> objectives) {}

    /** History of one environment over the DORA window, newest first, with the DORA figures and bands. */
    record History(
            String service, String environment, Instant since, List<DeploymentRecord> releases, DoraReport dora) {}

    /** A search hit. */
    record Hit(
            String environment,
            DeploymentRecord release,
            @Nullable String actor) {}

    record Search(String query, List<Hit> hits, Map<String, Integer> scanned) {}

    static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
