package io.releasepilot.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One release event as a CloudEvents 1.0 JSON document (structured mode): {@code specversion}, {@code id}, {@code
 * source}, {@code type} ({@code io.releasepilot.<event>}), {@code time}, {@code subject} (the NATS subject), {@code
 * datacontenttype} ({@code application/json}) and {@code data}. The data always carries {@code releaseId}, {@code
 * service} and {@code environment} with their exact, unsanitised values.
 *
 * @param id unique event id; also the JetStream {@code Nats-Msg-Id}, so a republished event is dropped as a duplicate
 * @param source the producing component, e.g. {@code /release-pilot/prod/api}
 * @param type the event type
 * @param time when the event happened
 * @param subject {@code releasepilot.<environment>.<service>.<event-type>}
 * @param data the event's values (JSON-compatible: strings, numbers, booleans, lists, maps, null)
 */
public record ReleaseEvent(
        UUID id, String source, EventType type, Instant time, String subject, Map<String, Object> data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "io.releasepilot.";
    public static final String CONTENT_TYPE = "application/json";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public ReleaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        // Copy keeping insertion order and null values (Map.copyOf refuses nulls).
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    }

    /** A new event for a release of {@code service} in {@code environment}, with a random id. */
    public static ReleaseEvent of(
            EventType type,
            String service,
            String environment,
            UUID releaseId,
            Instant time,
            Map<String, ? extends @org.jspecify.annotations.Nullable Object> values) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("releaseId", releaseId.toString());
        data.put("service", service);
        data.put("environment", environment);
        data.putAll(values);
        return new ReleaseEvent(
                EventIds.next(time),
                "/release-pilot/" + EventSubjects.token(environment) + "/" + EventSubjects.token(service),
                type,
                time,
                EventSubjects.subject(environment, service, type),
                data);
    }

    /** The CloudEvents JSON document. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("specversion", SPEC_VERSION);
        node.put("id", id.toString());
        node.put("source", source);
        node.put("type", type.cloudEventType());
        node.put("time", time.toString());
        node.put("subject", subject);
        node.put("datacontenttype", CONTENT_TYPE);
        node.set("data", JSON.valueToTree(data));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + id + ": " + e.getMessage(), e);
        }
    }

    /** Parses a CloudEvents JSON document written by {@link #toJson()}. */
    public static ReleaseEvent fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException("a release event must be a JSON object, got: " + abbreviate(json));
            }
            String specVersion = text(node, "specversion");
            if (!SPEC_VERSION.equals(specVersion)) {
                throw new InvalidInputException("unsupported CloudEvents specversion '" + specVersion + "'");
            }
            Map<String, Object> data = node.hasNonNull("data")
                    ? JSON.convertValue(node.get("data"), new TypeReference<LinkedHashMap<String, Object>>() {})
                    : Map.of();
            return new ReleaseEvent(
                    UUID.fromString(text(node, "id")),
                    text(node, "source"),
                    EventType.fromCloudEventType(text(node, "type")),
                    Instant.parse(text(node, "time")),
                    text(node, "subject"),
                    data);
        } catch (JsonProcessingException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("not a release event (" + e.getMessage() + "): " + abbreviate(json), e);
        }
    }

    /** The release this event belongs to. */
    public UUID releaseId() {
        return UUID.fromString(String.valueOf(data.get("releaseId")));
    }

    public String service() {
        return String.valueOf(data.get("service"));
    }

    public String environment() {
        return String.valueOf(data.get("environment"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidInputException("release event lacks the CloudEvents attribute '" + field + "'");
        }
        return value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
