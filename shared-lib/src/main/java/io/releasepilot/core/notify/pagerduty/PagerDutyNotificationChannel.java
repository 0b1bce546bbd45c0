package io.releasepilot.core.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.http.JsonHttp;
import io.releasepilot.core.spec.NotificationSeverity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PagerDuty Events API v2. An alert event ({@code /v2/enqueue}) triggers an incident for a critical notification
 * (a rollback, a failed release) and resolves it when a later release of the service succeeds; its {@code dedup_key}
 * is the service and environment ({@link Notification#incidentKey()}), so the trigger of a second rollback joins the open
 * incident and the success resolves it. Every finished release is also sent as a change event ({@code
 * /v2/change/enqueue}) so deploys show on the service's "Recent Changes". Requests are idempotent per dedup key, so a
 * retry after a partial send is safe.
 */
public final class PagerDutyNotificationChannel implements NotificationChannel {
    public static final URI DEFAULT_BASE = URI.create("https://events.pagerduty.com");
    static final int SUMMARY_MAX = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI base;
    private final String routingKey;
    private final JsonHttp http;

    public PagerDutyNotificationChannel(String name, URI base, String routingKey, JsonHttp http) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome send(Notification notification, String deliveryKey) {
        List<String> receipts = new ArrayList<>();
        String action = action(notification);
        if (action != null) {
            DeliveryOutcome alert = post("v2/enqueue", alertEvent(notification, action));
            if (!(alert instanceof DeliveryOutcome.Delivered delivered)) {
                return alert;
            }
            receipts.add(action + " " + delivered.receipt());
        }
        if (notification.finished()) {
            DeliveryOutcome change = post("v2/change/enqueue", changeEvent(notification));
            if (!(change instanceof DeliveryOutcome.Delivered delivered)) {
                return change;
            }
            receipts.add("change " + delivered.receipt());
        }
        return new DeliveryOutcome.Delivered(receipts.isEmpty() ? "nothing to send" : String.join("; ", receipts));
    }

    /** trigger for critical and high tiers, resolve for a success, nothing else (a change event only). */
    static @Nullable String action(Notification notification) {
        if (notification.eventType() == EventType.RELEASE_SUCCEEDED) {
            return "resolve";
        }
        if (notification.severity() == NotificationSeverity.CRITICAL
                || notification.severity() == NotificationSeverity.HIGH) {
            return "trigger";
        }
        return null;
    }

    private DeliveryOutcome post(String path, ObjectNode body) {
        try {
            return http.post(base.resolve(path), JSON.writeValueAsString(body), "application/json", Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the PagerDuty event: " + e.getMessage(), e);
        }
    }

    ObjectNode alertEvent(Notification notification, String action) {
        ObjectNode event = JSON.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("event_action", action);
        event.put("dedup_key", notification.incidentKey());
        if (action.equals("trigger")) {
            ObjectNode payload = event.putObject("payload");
            payload.put("summary", cut(notification.title()));
            payload.put("source", "release-pilot/" + notification.environment());
            payload.put("severity", notification.severity() == NotificationSeverity.CRITICAL ? "critical" : "error");
            payload.put("timestamp", notification.time().toString());
            payload.put("component", notification.service());
            payload.put("group", notification.environment());
            payload.put("class", notification.eventType().token());
            ObjectNode details = payload.putObject("custom_details");
            notification.facts().forEach(details::put);
            notification.explanation().forEach(details.putArray("explanation")::add);
            links(event, notification);
        }
        return event;
    }

    ObjectNode changeEvent(Notification notification) {
        ObjectNode event = JSON.createObjectNode();
        event.put("routing_key", routingKey);
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", cut(notification.title()));
        payload.put("timestamp", notification.time().toString());
        payload.put("source", "release-pilot/" + notification.environment());
        ObjectNode details = payload.putObject("custom_details");
        notification.facts().forEach(details::put);
        links(event, notification);
        return event;
    }

    private static void links(ObjectNode event, Notification notification) {
        ArrayNode links = JSON.createArrayNode();
        notification.links().forEach((label, target) -> {
            if (target.startsWith("http://") || target.startsWith("https://")) {
                links.addObject().put("href", target).put("text", label);
            }
        });
        if (!links.isEmpty()) {
            event.set("links", links);
        }
    }

    private static String cut(String text) {
        return text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX - 1) + "…";
    }
}
