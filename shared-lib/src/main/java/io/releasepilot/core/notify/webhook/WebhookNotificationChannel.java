package io.releasepilot.core.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.http.JsonHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A generic webhook: one CloudEvents 1.0 JSON document per delivery (structured mode, {@code
 * application/cloudevents+json}), type {@code io.releasepilot.notification}, id = the delivery key (stable across
 * retries, so receivers drop a resend), signed with HMAC-SHA256 when a secret is configured ({@link WebhookSignature}).
 */
public final class WebhookNotificationChannel implements NotificationChannel {
    public static final String TYPE = "io.releasepilot.notification";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final byte @Nullable [] secret;
    private final JsonHttp http;
    private final Clock clock;

    public WebhookNotificationChannel(String name, URI url, @Nullable String secret, JsonHttp http, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome send(Notification notification, String deliveryKey) {
        String body = document(notification, deliveryKey);
        Map<String, String> headers = new LinkedHashMap<>();
        if (secret != null) {
            long timestamp = clock.instant().getEpochSecond();
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        }
        return http.post(url, body, "application/cloudevents+json; charset=utf-8", headers);
    }

    /** The CloudEvents document of a delivery. */
    public static String document(Notification notification, String deliveryKey) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", deliveryKey);
        event.put(
                "source",
                "/release-pilot/" + EventSubjects.token(notification.environment()) + "/"
                        + EventSubjects.token(notification.service()));
        event.put("type", TYPE);
        event.put("subject", notification.releaseId().toString());
        event.put("time", notification.time().toString());
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("severity", notification.severity().name().toLowerCase(Locale.ROOT));
        data.put("category", notification.category().yamlName());
        data.put("eventType", notification.eventType().cloudEventType());
        data.put("eventId", notification.eventId().toString());
        data.put("releaseId", notification.releaseId().toString());
        data.put("service", notification.service());
        data.put("environment", notification.environment());
        data.put("title", notification.title());
        notification.explanation().forEach(data.putArray("explanation")::add);
        ObjectNode facts = data.putObject("facts");
        notification.facts().forEach(facts::put);
        ObjectNode links = data.putObject("links");
        notification.links().forEach(links::put);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook document: " + e.getMessage(), e);
        }
    }
}
