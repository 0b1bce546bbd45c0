package io.releasepilot.core.state.postgres;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step rows exactly as the engine, the gate, the rollback and the Jenkins plugin wrote them while details were untyped
 * maps (release-pilot 0.1.0, commit 7b49d69; the analysis in user units and the no-signal note as main wrote them
 * before merging the typed ledger), each with the record it must read back as.
 */
final class LegacyStepRows {
    static final Instant RECORDED_AT = Instant.parse("2026-03-01T10:00:05.123456Z");
    static final Instant AT = Instant.parse("2026-03-01T10:00:04.500Z");

    /** One stored row: kind, verdict and weight columns, the details JSON, and what it reads back as. */
    record Row(
            String name,
            StepKind kind,
            @Nullable Verdict verdict,
            @Nullable TrafficSplit weights,
            String json,
            StepDetail expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private LegacyStepRows() {}

    static List<Row> all() {
        String rollbackReason = "rollback trigger fired: error-rate: errorRate = 0.05 > 0.02 for 2m";
        String evaluation = "error-rate: errorRate = 0.05 > 0.02, firing";
        Map<String, Double> triggerValues = new LinkedHashMap<>();
        triggerValues.put("errorRate", 0.05);
        triggerValues.put("p95Latency", Double.NaN);
        RollbackCause triggers = new RollbackCause.Triggers(List.of("error-rate"), List.of(evaluation), triggerValues);
        Map<String, Double> analysisValues = new LinkedHashMap<>();
        analysisValues.put("errorRate", 0.001);
        analysisValues.put("p95Latency", Double.NaN);
        analysisValues.put("healthCheckFailures", 0.0);
        return List.of(
                new Row(
                        "traffic intent",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"traffic-intent\",\"stable\":90,\"canary\":10,"
                                + "\"reason\":\"canary starts; step 1 at 10 %\"}",
                        new StepDetail.TrafficIntent(TrafficSplit.canary(10), "canary starts; step 1 at 10 %")),
                new Row(
                        "traffic applied",
                        StepKind.TRAFFIC,
                        null,
                        TrafficSplit.canary(10),
                        "{\"event\":\"traffic-applied\",\"router\":\"haproxy\",\"readBack\":\"90/10\","
                                + "\"reason\":\"canary starts; step 1 at 10 %\"}",
                        new StepDetail.TrafficApplied(
                                TrafficSplit.canary(10),
                                "haproxy",
                                TrafficSplit.canary(10),
                                "canary starts; step 1 at 10 %")),
                new Row(
                        "a rollback's traffic change (no event, the rollback's details copied)",
                        StepKind.TRAFFIC,
                        null,
                        TrafficSplit.ALL_STABLE,
                        "{\"trigger\":[\"error-rate\"],\"evaluations\":[\"" + evaluation + "\"],"
                                + "\"values\":{\"errorRate\":0.05,\"p95Latency\":null},\"reason\":\"" + rollbackReason
                                + "\",\"actor\":\"alice\",\"router\":\"haproxy\",\"readBack\":\"100/0\"}",
                        new StepDetail.TrafficApplied(
                                TrafficSplit.ALL_STABLE, "haproxy", TrafficSplit.ALL_STABLE, rollbackReason)),
                new Row(
                        "rollback started by triggers",
                        StepKind.NOTE,
                        Verdict.FAIL,
                        null,
                        "{\"trigger\":[\"error-rate\"],\"evaluations\":[\"" + evaluation + "\"],"
                                + "\"values\":{\"errorRate\":0.05,\"p95Latency\":null},\"reason\":\"" + rollbackReason
                                + "\",\"actor\":\"alice\",\"event\":\"rollback-started\"}",
                        new StepDetail.RollbackStarted(rollbackReason, "alice", triggers)),
                new Row(
                        "manual rollback of a finished release",
                        StepKind.NOTE,
                        Verdict.FAIL,
                        null,
                        "{\"manual\":true,\"from\":\"2.0.0\",\"to\":\"1.9.0\",\"reason\":\"bad (from 2.0.0 back to"
                                + " 1.9.0)\",\"actor\":\"bob\",\"event\":\"rollback-started\"}",
                        new StepDetail.RollbackStarted(
                                "bad (from 2.0.0 back to 1.9.0)", "bob", new RollbackCause.Operator("2.0.0", "1.9.0"))),
                new Row(
                        "rollback by an Alertmanager alert",
                        StepKind.NOTE,
                        Verdict.FAIL,
                        null,
                        "{\"trigger\":\"alertmanager\",\"groupKey\":\"{}:{alertname=\\\"ErrorRateHigh\\\"}\","
                                + "\"alerts\":[{\"alertname\":\"ErrorRateHigh\",\"labels\":{\"alertname\":"
                                + "\"ErrorRateHigh\",\"service\":\"checkout\"},\"startsAt\":\"2024-05-01T10:00:00Z\","
                                + "\"fingerprint\":\"f1\",\"summary\":\"error rate 3 %\"}],\"reason\":\"alert"
                                + " ErrorRateHigh\",\"actor\":\"alertmanager\",\"event\":\"rollback-started\"}",
                        new StepDetail.RollbackStarted(
                                "alert ErrorRateHigh",
                                "alertmanager",
                                new RollbackCause.Alerts(
                                        "{}:{alertname=\"ErrorRateHigh\"}",
                                        List.of(new RollbackCause.FiredAlert(
                                                "ErrorRateHigh",
                                                Map.of("alertname", "ErrorRateHigh", "service", "checkout"),
                                                "2024-05-01T10:00:00Z",
                                                "f1",
                                                "error rate 3 %"))))),
                new Row(
                        "analysis with the judge",
                        StepKind.ANALYSIS,
                        Verdict.PASS,
                        null,
                        "{\"judge\":{\"verdict\":\"PASS\",\"score\":100.0,\"reason\":\"1 of 1 metrics passed\","
                                + "\"metrics\":[{\"metric\":\"meanLatency\",\"canaryMedian\":12.5,"
                                + "\"baselineMedian\":12.0,\"effectSize\":0.04,\"pValue\":null,\"verdict\":\"PASS\","
                                + "\"explanation\":\"no significant change\"}]},\"at\":\"2026-03-01T10:00:04.500Z\","
                                + "\"values\":{\"errorRate\":0.001,\"p95Latency\":null,\"healthCheckFailures\":0.0},"
                                + "\"thresholds\":{\"errorRate\":\"< 0.01\"},\"verdict\":\"PASS\",\"version\":\"v2\"}",
                        new StepDetail.Analysis(
                                AT,
                                "v2",
                                analysisValues,
                                Map.of("errorRate", "< 0.01"),
                                Verdict.PASS,
                                new JudgeSummary(
                                        Verdict.PASS,
                                        100.0,
                                        "1 of 1 metrics passed",
                                        List.of(new JudgeSummary.Metric(
                                                "meanLatency",
                                                12.5,
                                                12.0,
                                                0.04,
                                                Double.NaN,
                                                Verdict.PASS,
                                                "no significant change"))))),
                new Row(
                        "analysis with the thresholds in the user's units (since criteria are gate objectives)",
                        StepKind.ANALYSIS,
                        Verdict.FAIL,
                        null,
                        "{\"at\":\"2026-03-01T10:00:04.500Z\",\"values\":{\"errorRate\":0.03,\"p95Latency\":180.0},"
                                + "\"thresholds\":{\"errorRate\":\"< 1%\",\"p95Latency\":\"< 400ms\"},"
                                + "\"verdict\":\"FAIL\",\"version\":\"v2\"}",
                        new StepDetail.Analysis(
                                AT,
                                "v2",
                                Map.of("errorRate", 0.03, "p95Latency", 180.0),
                                Map.of("errorRate", "< 1%", "p95Latency", "< 400ms"),
                                Verdict.FAIL,
                                null)),
                new Row(
                        "failed health check",
                        StepKind.HEALTH_CHECK,
                        Verdict.FAIL,
                        null,
                        "{\"consecutiveFailures\":3,\"at\":\"2026-03-01T10:00:04.500Z\"}",
                        new StepDetail.HealthCheck(3, AT)),
                new Row(
                        "gate",
                        StepKind.GATE,
                        Verdict.FAIL,
                        null,
                        "{\"verdict\":\"FAIL\",\"score\":0.0,\"reason\":\"key objective coverage failed\","
                                + "\"values\":{\"line\":0.85},\"objectives\":[{\"name\":\"coverage\",\"source\":"
                                + "\"jacoco\",\"metric\":\"line\",\"origin\":\"target/site/jacoco/jacoco.xml\","
                                + "\"value\":0.85,\"comparator\":\">=\",\"pass\":0.9,\"verdict\":\"FAIL\"}]}",
                        new StepDetail.Gate(
                                Verdict.FAIL,
                                0.0,
                                "key objective coverage failed",
                                Map.of("line", 0.85),
                                List.of(new GateObjective(
                                        "coverage",
                                        "jacoco",
                                        "line",
                                        "target/site/jacoco/jacoco.xml",
                                        0.85,
                                        ">=",
                                        0.9,
                                        Verdict.FAIL)))),
                new Row(
                        "blue-green phase",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"phase\",\"phase\":\"WATCHING\",\"reason\":\"smoke checks passed\"}",
                        new StepDetail.Phase("WATCHING", "smoke checks passed")),
                new Row(
                        "deploy hook that ran",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"hook\",\"hook\":\"deploy\",\"command\":[\"sh\",\"-c\",\"true\"],"
                                + "\"exitCode\":0,\"output\":\"''\",\"result\":\"SUCCEEDED\"}",
                        new StepDetail.Hook("deploy", List.of("sh", "-c", "true"), 0, "''", true)),
                new Row(
                        "retire hook not configured",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"hook\",\"hook\":\"retire\",\"output\":\"no retire hook configured\","
                                + "\"result\":\"SUCCEEDED\"}",
                        new StepDetail.Hook("retire", List.of(), null, "no retire hook configured", true)),
                new Row(
                        "smoke checks",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"hook\",\"hook\":\"smoke-checks\",\"checks\":[{\"url\":"
                                + "\"http://127.0.0.1:8080/health\",\"expectStatus\":200,\"passed\":false}],"
                                + "\"result\":\"FAILED\"}",
                        new StepDetail.SmokeChecks(
                                List.of(new StepDetail.SmokeChecks.Check("http://127.0.0.1:8080/health", 200, false)),
                                false)),
                new Row(
                        "router reconciled",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"reconciled\",\"found\":\"90/10\",\"applied\":\"50/50\",\"router\":\"haproxy\"}",
                        new StepDetail.Reconciled(TrafficSplit.canary(10), TrafficSplit.canary(50), "haproxy")),
                new Row(
                        "resumed",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"takeover\":true,\"event\":\"resumed\",\"by\":\"alice\"}",
                        new StepDetail.Resumed("alice", true)),
                new Row(
                        "notice",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"notify\",\"message\":\"analysis of step 1 is inconclusive (missing data)\"}",
                        new StepDetail.Notice("analysis of step 1 is inconclusive (missing data)")),
                new Row(
                        "release without a signal (SignalCheck)",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"no-signal\",\"hint\":\"add criteria to the steps\","
                                + "\"reason\":\"the canary has no signal: no step has criteria\"}",
                        new StepDetail.NoSignal(
                                "the canary has no signal: no step has criteria", "add criteria to the steps")),
                new Row(
                        "Jenkins step note",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"jenkins-step\",\"stepReleaseId\":\"3f2a\",\"build\":\"7\","
                                + "\"buildUrl\":\"http://jenkins/job/app/7/\"}",
                        new StepDetail.HostNote("jenkins-step", "7", "http://jenkins/job/app/7/", "3f2a", null, null)),
                new Row(
                        "Jenkins build note",
                        StepKind.NOTE,
                        null,
                        null,
                        "{\"event\":\"jenkins-build\",\"build\":\"8\",\"buildUrl\":\"http://jenkins/job/app/8/\","
                                + "\"actor\":\"alice\",\"result\":\"SUCCESS\"}",
                        new StepDetail.HostNote(
                                "jenkins-build", "8", "http://jenkins/job/app/8/", null, "alice", "SUCCESS")),
                new Row(
                        "a note this version does not know",
                        StepKind.NOTE,
                        Verdict.PASS,
                        null,
                        "{\"k\":\"v\"}",
                        new StepDetail.Unrecognised(StepKind.NOTE, Verdict.PASS, "", "{\"k\":\"v\"}")));
    }
}
