package io.releasepilot.core.state.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.GateObjective;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StateStoreException;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.VersionChecked;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON form of {@link StepDetail}: the {@code details} JSONB of {@code release_steps} and the {@code details}
 * of a STEP_RECORDED event. The keys are the ones the engine wrote as untyped maps before the details were typed, so
 * every row written since V1 reads back typed without a migration (reading is {@link StepDetailDecoder}). A step's kind
 * (and, for TRAFFIC, its weight columns) tells the record apart; NOTE rows name theirs in {@code event}.
 */
final class StepDetailCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "event";
    private static final String HOOK = "hook";
    private static final String ALERTMANAGER = "alertmanager";

    private StepDetailCodec() {}

    /** The JSON text stored in the ledger; refuses text Postgres cannot store. */
    static String toJson(StepDetail detail) {
        String text;
        try {
            text = JSON.writeValueAsString(toMap(detail));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("step details are not JSON-compatible: " + e.getMessage(), e);
        }
        if (text.contains("\\u0000")) {
            throw new InvalidInputException("step details contain a NUL character, which Postgres cannot store");
        }
        return text;
    }

    /** The JSON object as ordered maps, lists, strings, numbers and booleans (also the event payload's details). */
    static Map<String, @Nullable Object> toMap(StepDetail detail) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        if (detail instanceof StepDetail.TrafficIntent intent) {
            map.put(EVENT, intent.event());
            map.put("stable", intent.weights().stable());
            map.put("canary", intent.weights().canary());
            map.put("reason", intent.reason());
        } else if (detail instanceof StepDetail.TrafficApplied applied) {
            map.put(EVENT, applied.event());
            map.put("router", applied.router());
            if (applied.readBack() != null) {
                map.put("readBack", split(applied.readBack()));
            }
            map.put("reason", applied.reason());
        } else if (detail instanceof StepDetail.Analysis analysis) {
            if (analysis.judge() != null) {
                map.put("judge", judge(analysis.judge()));
            }
            map.put("at", analysis.at().toString());
            map.put("values", numbers(analysis.values()));
            map.put("thresholds", new LinkedHashMap<>(analysis.thresholds()));
            map.put("verdict", analysis.verdict().name());
            map.put("version", analysis.version());
        } else if (detail instanceof StepDetail.HealthCheck health) {
            map.put("consecutiveFailures", health.consecutiveFailures());
            map.put("at", health.at().toString());
        } else if (detail instanceof StepDetail.Gate gate) {
            map.put("verdict", gate.verdict().name());
            map.put("score", finite(gate.score()));
            map.put("reason", gate.reason());
            map.put("values", numbers(gate.values()));
            List<Map<String, @Nullable Object>> objectives = new ArrayList<>();
            for (GateObjective objective : gate.objectives()) {
                Map<String, @Nullable Object> one = new LinkedHashMap<>();
                one.put("name", objective.name());
                one.put("source", objective.source());
                one.put("metric", objective.metric());
                one.put("origin", objective.origin());
                one.put("value", finite(objective.value()));
                one.put("comparator", objective.comparator());
                one.put("pass", finite(objective.pass()));
                one.put("verdict", objective.verdict().name());
                objectives.add(one);
            }
            map.put("objectives", objectives);
        } else if (detail instanceof StepDetail.Phase phase) {
            map.put(EVENT, phase.event());
            map.put("phase", phase.phase());
            map.put("reason", phase.reason());
        } else if (detail instanceof StepDetail.Hook hook) {
            map.put(EVENT, hook.event());
            map.put(HOOK, hook.name());
            if (!hook.command().isEmpty()) {
                map.put("command", hook.command());
            }
            if (hook.exitCode() != null) {
                map.put("exitCode", hook.exitCode());
            }
            map.put("output", hook.output());
            map.put("result", result(hook.succeeded()));
        } else if (detail instanceof StepDetail.SmokeChecks smoke) {
            map.put(EVENT, smoke.event());
            map.put(HOOK, StepDetail.SmokeChecks.NAME);
            List<Map<String, @Nullable Object>> checks = new ArrayList<>();
            for (StepDetail.SmokeChecks.Check check : smoke.checks()) {
                Map<String, @Nullable Object> one = new LinkedHashMap<>();
                one.put("url", check.url());
                one.put("expectStatus", check.expectStatus());
                one.put("passed", check.passed());
                checks.add(one);
            }
            map.put("checks", checks);
            map.put("result", result(smoke.succeeded()));
        } else if (detail instanceof StepDetail.Reconciled reconciled) {
            map.put(EVENT, reconciled.event());
            map.put("found", split(reconciled.found()));
            map.put("applied", split(reconciled.applied()));
            map.put("router", reconciled.router());
        } else if (detail instanceof StepDetail.Resumed resumed) {
            map.put(EVENT, resumed.event());
            map.put("by", resumed.by());
            map.put("takeover", resumed.takeover());
        } else if (detail instanceof StepDetail.Notice notice) {
            map.put(EVENT, notice.event());
            map.put("message", notice.message());
        } else if (detail instanceof StepDetail.NoSignal blind) {
            map.put(EVENT, blind.event());
            map.put("reason", blind.reason());
            map.put("hint", blind.hint());
        } else if (detail instanceof StepDetail.RollbackStarted rollback) {
            map.putAll(cause(rollback.cause()));
            map.put("reason", rollback.reason());
            map.put("actor", rollback.actor());
            map.put(EVENT, rollback.event());
        } else if (detail instanceof StepDetail.HostNote note) {
            map.put(EVENT, note.event());
            if (note.hostReleaseId() != null) {
                map.put("stepReleaseId", note.hostReleaseId());
            }
            map.put("build", note.run());
            map.put("buildUrl", note.runUrl());
            if (note.actor() != null) {
                map.put("actor", note.actor());
            }
            if (note.result() != null) {
                map.put("result", note.result());
            }
        } else if (detail instanceof VersionChecked check) {
            map.put(EVENT, check.event());
            map.put("expected", check.expected());
            map.put("result", check.result().name());
            map.put("reason", check.reason());
            List<Map<String, @Nullable Object>> servers = new ArrayList<>();
            for (VersionChecked.Server server : check.servers()) {
                Map<String, @Nullable Object> one = new LinkedHashMap<>();
                one.put("server", server.server());
                one.put("url", server.url());
                one.put("observed", server.observed());
                one.put("problem", server.problem());
                servers.add(one);
            }
            map.put("servers", servers);
        } else if (detail instanceof StepDetail.Unrecognised unrecognised) {
            map.putAll(parse(unrecognised.json()));
        }
        return map;
    }

    /**
     * Reads the details of a row back as their record.
     *
     * @param kind the row's kind
     * @param verdict the row's verdict column
     * @param weights the row's weight columns (TRAFFIC rows always have them)
     * @param json the row's details
     * @param recordedAt the row's time, for rows that did not record their own
     */
    static StepDetail fromJson(
            StepKind kind, @Nullable Verdict verdict, @Nullable TrafficSplit weights, String json, Instant recordedAt) {
        return StepDetailDecoder.read(kind, verdict, weights, json, recordedAt);
    }

    private static Map<String, @Nullable Object> cause(RollbackCause cause) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        if (cause instanceof RollbackCause.Triggers triggers) {
            map.put("trigger", triggers.triggers());
            map.put("evaluations", triggers.evaluations());
            map.put("values", numbers(triggers.values()));
        } else if (cause instanceof RollbackCause.Operator operator) {
            map.put("manual", true);
            if (operator.from() != null) {
                map.put("from", operator.from());
            }
            if (operator.to() != null) {
                map.put("to", operator.to());
            }
        } else if (cause instanceof RollbackCause.Alerts alerts) {
            map.put("trigger", ALERTMANAGER);
            map.put("groupKey", alerts.groupKey());
            List<Map<String, Object>> list = new ArrayList<>();
            for (RollbackCause.FiredAlert alert : alerts.alerts()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("alertname", alert.name());
                one.put("labels", alert.labels());
                one.put("startsAt", alert.startsAt());
                one.put("fingerprint", alert.fingerprint());
                if (alert.summary() != null) {
                    one.put("summary", alert.summary());
                }
                list.add(one);
            }
            map.put("alerts", list);
        }
        return map;
    }

    // ------------------------------------------------------------------------------------------------ values

    private static String result(boolean succeeded) {
        return succeeded ? "SUCCEEDED" : "FAILED";
    }

    private static Map<String, @Nullable Object> judge(JudgeSummary judge) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("verdict", judge.verdict().name());
        map.put("score", finite(judge.score()));
        map.put("reason", judge.reason());
        List<Map<String, @Nullable Object>> metrics = new ArrayList<>();
        for (JudgeSummary.Metric metric : judge.metrics()) {
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("metric", metric.metric());
            one.put("canaryMedian", finite(metric.canaryMedian()));
            one.put("baselineMedian", finite(metric.baselineMedian()));
            one.put("effectSize", finite(metric.effectSize()));
            one.put("pValue", finite(metric.pValue()));
            one.put("verdict", metric.verdict().name());
            one.put("explanation", metric.explanation());
            metrics.add(one);
        }
        map.put("metrics", metrics);
        return map;
    }

    /** JSON has no NaN or infinity: a missing value is null. */
    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Map<String, @Nullable Object> numbers(Map<String, Double> values) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        values.forEach((name, value) -> json.put(name, finite(value)));
        return json;
    }

    private static String split(TrafficSplit weights) {
        return weights.stable() + "/" + weights.canary();
    }

    private static Map<String, @Nullable Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {});
        } catch (JsonProcessingException e) {
            throw new StateStoreException("unreadable step details in the ledger: " + e.getMessage(), e);
        }
    }
}
