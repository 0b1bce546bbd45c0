package io.releasepilot.core.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An Alertmanager webhook notification (payload {@code version} "4"), the fields Release Pilot reads.
 *
 * @param version payload format version, always "4"
 * @param groupKey the key of the alert group (the same for every notification of that group)
 * @param status {@code firing} or {@code resolved}, for the group as a whole
 * @param receiver the Alertmanager receiver that sent it
 * @param groupLabels labels the group is keyed by
 * @param commonLabels labels every alert of the notification shares
 * @param commonAnnotations annotations every alert shares
 * @param alerts the alerts, each with its own status
 */
public record AlertNotification(
        String version,
        String groupKey,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        List<Alert> alerts) {

    /** The only payload version Alertmanager has sent since 0.x and the one this reader understands. */
    public static final String VERSION = "4";

    private static final ObjectMapper JSON = new ObjectMapper();

    public AlertNotification {
        if (!VERSION.equals(version)) {
            throw new InvalidInputException(
                    "Alertmanager webhook version must be \"" + VERSION + "\", was \"" + version + "\"");
        }
        if (groupKey == null || groupKey.isBlank()) {
            throw new InvalidInputException("Alertmanager webhook has no groupKey");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receiver, "receiver");
        groupLabels = Map.copyOf(groupLabels);
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
        alerts = List.copyOf(alerts);
    }

    /**
     * One alert of the notification.
     *
     * @param status {@code firing} or {@code resolved}
     * @param labels the alert's labels (alertname, service, environment, severity, …)
     * @param annotations the alert's annotations (summary, description, …)
     * @param startsAt when it started firing, as Alertmanager sent it (RFC 3339)
     * @param fingerprint Alertmanager's hash of the labels; computed from the labels when absent
     */
    public record Alert(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            String startsAt,
            String fingerprint) {
        public Alert {
            Objects.requireNonNull(status, "status");
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public boolean firing() {
            return "firing".equals(status);
        }

        /** Its {@code alertname} label, or "unnamed". */
        public String name() {
            return labels.getOrDefault("alertname", "unnamed");
        }
    }

    /**
     * Parses a webhook body.
     *
     * @throws InvalidInputException when it is not JSON, not an object, not version "4", or lacks a required field
     */
    public static AlertNotification parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("Alertmanager webhook body is not JSON: " + firstLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("Alertmanager webhook body must be a JSON object");
        }
        JsonNode alertsNode = root.path("alerts");
        if (!alertsNode.isArray()) {
            throw new InvalidInputException("Alertmanager webhook has no alerts array");
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode node : alertsNode) {
            if (!node.isObject()) {
                throw new InvalidInputException("Alertmanager webhook alerts must be objects");
            }
            Map<String, String> labels = strings(node, "labels");
            String fingerprint = text(node, "fingerprint");
            alerts.add(new Alert(
                    text(node, "status"),
                    labels,
                    strings(node, "annotations"),
                    text(node, "startsAt"),
                    fingerprint.isEmpty() ? labelHash(labels) : fingerprint));
        }
        return new AlertNotification(
                text(root, "version"),
                text(root, "groupKey"),
                text(root, "status"),
                text(root, "receiver"),
                strings(root, "groupLabels"),
                strings(root, "commonLabels"),
                strings(root, "commonAnnotations"),
                alerts);
    }

    /** Parses a webhook body given as text. */
    public static AlertNotification parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("Alertmanager webhook field " + field + " must be a string");
        }
        return value.asText();
    }

    private static Map<String, String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidInputException("Alertmanager webhook field " + field + " must be an object of strings");
        }
        Map<String, String> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new InvalidInputException(
                        "Alertmanager webhook " + field + "." + entry.getKey() + " must be a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    private static String labelHash(Map<String, String> labels) {
        return Integer.toHexString(new TreeMap<>(labels).toString().hashCode());
    }

    private static String firstLine(JsonProcessingException e) {
        return e.getOriginalMessage();
    }

    private static String firstLine(java.io.IOException e) {
        return e instanceof JsonProcessingException json ? firstLine(json) : String.valueOf(e.getMessage());
    }
}
