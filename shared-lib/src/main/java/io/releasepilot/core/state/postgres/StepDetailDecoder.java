package io.releasepilot.core.state.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The reading half of {@link StepDetailCodec}: a row's kind, verdict, weights and JSON back to its record. Rows written
 * before the details were typed have the same keys, so they need no migration; what does not fit its record becomes
 * {@link StepDetail.Unrecognised} rather than an error, so one odd row never stops a release from resuming. Only a
 * rollback's start is always read as one (with an {@link RollbackCause.Unrecorded} cause if need be): a rerun must see
 * an interrupted rollback to finish it.
 */
final class StepDetailDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "event";
    private static final String HOOK = "hook";
    private static final String ALERTMANAGER = "alertmanager";

    private StepDetailDecoder() {}

    /**
     * Reads the details of a row back as their record.
     *
     * @param kind the row's kind
     * @param verdict the row's verdict column
     * @param weights the row's weight columns (TRAFFIC rows always have them)
     * @param json the row's details
     * @param recordedAt the row's time, for rows that did not record their own
     */
    static StepDetail read(
            StepKind kind, @Nullable Verdict verdict, @Nullable TrafficSplit weights, String json, Instant recordedAt) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("unreadable step details in the ledger: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            node = JSON.createObjectNode();
        }
        String event = text(node, EVENT, "");
        if (kind == StepKind.TRAFFIC) {
            if (weights == null) {
                throw new StateStoreException("a TRAFFIC step in the ledger has no weights: " + json);
            }
            return new StepDetail.TrafficApplied(
                    weights, text(node, "router", ""), weightsOrNull(node.path("readBack")), text(node, "reason", ""));
        }
        if (kind == StepKind.NOTE && "rollback-started".equals(event)) {
            return new StepDetail.RollbackStarted(text(node, "reason", ""), text(node, "actor", ""), readCause(node));
        }
        try {
            return switch (kind) {
                case ANALYSIS -> analysis(node, verdictOf(verdict, node), recordedAt);
                case GATE -> gate(node, verdictOf(verdict, node));
                case HEALTH_CHECK ->
                    new StepDetail.HealthCheck(
                            required(node, "consecutiveFailures").asInt(), instant(node, "at", recordedAt));
                case NOTE -> note(node, event, verdict);
                case TRAFFIC -> throw new IllegalStateException("handled above");
            };
        } catch (RuntimeException doesNotFit) {
            // Malformed for its record (or its record is newer than this version): keep it as written.
            return new StepDetail.Unrecognised(kind, verdict, event, json);
        }
    }

    private static StepDetail note(JsonNode node, String event, @Nullable Verdict verdict) {
        if (verdict != null) {
            throw new IllegalArgumentException("only a rollback's start is a note with a verdict");
        }
        return switch (event) {
            case "traffic-intent" ->
                new StepDetail.TrafficIntent(
                        new TrafficSplit(
                                required(node, "stable").asInt(),
                                required(node, "canary").asInt()),
                        text(node, "reason", ""));
            case "reconciled" ->
                new StepDetail.Reconciled(
                        weights(required(node, "found")), weights(required(node, "applied")), text(node, "router", ""));
            case "resumed" ->
                new StepDetail.Resumed(
                        required(node, "by").asText(), node.path("takeover").asBoolean(false));
            case "notify" -> new StepDetail.Notice(required(node, "message").asText());
            case "no-signal" -> new StepDetail.NoSignal(required(node, "reason").asText(), text(node, "hint", ""));
            case "phase" -> new StepDetail.Phase(required(node, "phase").asText(), text(node, "reason", ""));
            case HOOK -> hook(node);
            case VersionChecked.EVENT -> versionChecked(node);
            default ->
                new StepDetail.HostNote(
                        event,
                        required(node, "build").asText(),
                        required(node, "buildUrl").asText(),
                        textOrNull(node, "stepReleaseId"),
                        textOrNull(node, "actor"),
                        textOrNull(node, "result"));
        };
    }

    private static StepDetail versionChecked(JsonNode node) {
        List<VersionChecked.Server> servers = new ArrayList<>();
        for (JsonNode server : node.path("servers")) {
            servers.add(new VersionChecked.Server(
                    required(server, "server").asText(),
                    text(server, "url", ""),
                    textOrNull(server, "observed"),
                    text(server, "problem", "")));
        }
        return new VersionChecked(
                required(node, "expected").asText(),
                Verdict.valueOf(required(node, "result").asText()),
                text(node, "reason", ""),
                servers);
    }

    private static StepDetail hook(JsonNode node) {
        String name = required(node, HOOK).asText();
        boolean succeeded = "SUCCEEDED".equals(required(node, "result").asText());
        if (StepDetail.SmokeChecks.NAME.equals(name)) {
            List<StepDetail.SmokeChecks.Check> checks = new ArrayList<>();
            for (JsonNode check : node.path("checks")) {
                checks.add(new StepDetail.SmokeChecks.Check(
                        required(check, "url").asText(),
                        check.path("expectStatus").asInt(),
                        check.path("passed").asBoolean(false)));
            }
            return new StepDetail.SmokeChecks(checks, succeeded);
        }
        List<String> command = new ArrayList<>();
        JsonNode commandNode = node.path("command");
        if (commandNode.isArray()) {
            commandNode.forEach(part -> command.add(part.asText()));
        } else if (commandNode.isTextual()) {
            command.add(commandNode.asText());
        }
        JsonNode exitCode = node.path("exitCode");
        return new StepDetail.Hook(
                name, command, exitCode.isNumber() ? exitCode.asInt() : null, text(node, "output", ""), succeeded);
    }

    private static StepDetail.Analysis analysis(JsonNode node, Verdict verdict, Instant recordedAt) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        node.path("thresholds")
                .fields()
                .forEachRemaining(
                        field -> thresholds.put(field.getKey(), field.getValue().asText()));
        JsonNode judge = node.path("judge");
        return new StepDetail.Analysis(
                instant(node, "at", recordedAt),
                text(node, "version", ""),
                doubles(node.path("values")),
                thresholds,
                verdict,
                judge.isObject() ? judge(judge) : null);
    }

    private static JudgeSummary judge(JsonNode node) {
        List<JudgeSummary.Metric> metrics = new ArrayList<>();
        for (JsonNode metric : node.path("metrics")) {
            metrics.add(new JudgeSummary.Metric(
                    required(metric, "metric").asText(),
                    number(metric.path("canaryMedian")),
                    number(metric.path("baselineMedian")),
                    number(metric.path("effectSize")),
                    number(metric.path("pValue")),
                    verdictOf(null, metric),
                    text(metric, "explanation", "")));
        }
        return new JudgeSummary(verdictOf(null, node), number(node.path("score")), text(node, "reason", ""), metrics);
    }

    private static StepDetail.Gate gate(JsonNode node, Verdict verdict) {
        List<GateObjective> objectives = new ArrayList<>();
        for (JsonNode objective : node.path("objectives")) {
            objectives.add(new GateObjective(
                    required(objective, "name").asText(),
                    text(objective, "source", ""),
                    required(objective, "metric").asText(),
                    text(objective, "origin", ""),
                    number(objective.path("value")),
                    text(objective, "comparator", ""),
                    number(objective.path("pass")),
                    verdictOf(null, objective)));
        }
        return new StepDetail.Gate(
                verdict,
                number(node.path("score")),
                text(node, "reason", ""),
                doubles(node.path("values")),
                objectives);
    }

    private static RollbackCause readCause(JsonNode node) {
        try {
            JsonNode trigger = node.path("trigger");
            if (trigger.isArray()) {
                return new RollbackCause.Triggers(
                        texts(trigger), texts(node.path("evaluations")), doubles(node.path("values")));
            }
            if (ALERTMANAGER.equals(trigger.asText())) {
                List<RollbackCause.FiredAlert> alerts = new ArrayList<>();
                for (JsonNode alert : node.path("alerts")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    alert.path("labels")
                            .fields()
                            .forEachRemaining(label ->
                                    labels.put(label.getKey(), label.getValue().asText()));
                    alerts.add(new RollbackCause.FiredAlert(
                            required(alert, "alertname").asText(),
                            labels,
                            text(alert, "startsAt", ""),
                            text(alert, "fingerprint", ""),
                            textOrNull(alert, "summary")));
                }
                return new RollbackCause.Alerts(text(node, "groupKey", ""), alerts);
            }
            if (node.path("manual").asBoolean(false)) {
                return new RollbackCause.Operator(textOrNull(node, "from"), textOrNull(node, "to"));
            }
        } catch (RuntimeException doesNotFit) {
            // fall through: the row keeps what was written
        }
        return new RollbackCause.Unrecorded();
    }

    private static Verdict verdictOf(@Nullable Verdict column, JsonNode node) {
        if (column != null) {
            return column;
        }
        // No verdict recorded is missing data: never PASS.
        String text = node.path("verdict").asText("");
        return text.isEmpty() ? Verdict.INCONCLUSIVE : Verdict.valueOf(text);
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> values.put(field.getKey(), number(field.getValue())));
        return values;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static TrafficSplit weights(JsonNode node) {
        String[] parts = node.asText().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("weights are stable/canary, was '" + node.asText() + "'");
        }
        return new TrafficSplit(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    private static @Nullable TrafficSplit weightsOrNull(JsonNode node) {
        try {
            return node.isTextual() ? weights(node) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Instant instant(JsonNode node, String field, Instant otherwise) {
        try {
            return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : otherwise;
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }

    private static @Nullable String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
