package io.releasepilot.core.notify.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.http.JsonHttp;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A Slack incoming webhook with a Block Kit message: a header (the title), a section with the explanation, a section
 * of fields (the facts) and a context block with the links; {@code text} carries the title as the fallback that
 * notifications show. Slack's limits are kept: header text 150 characters, section text 3000, at most 10 fields of 2000,
 * at most 10 context elements, 50 blocks.
 */
public final class SlackNotificationChannel implements NotificationChannel {
    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELDS_MAX = 10;
    static final int FIELD_MAX = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final JsonHttp http;

    public SlackNotificationChannel(String name, URI url, JsonHttp http) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome send(Notification notification, String deliveryKey) {
        return http.post(url, message(notification), "application/json; charset=utf-8", Map.of());
    }

    /** The Block Kit message. */
    public static String message(Notification notification) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", cut(notification.title(), SECTION_MAX));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(notification.title(), HEADER_MAX));
        if (!notification.explanation().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (String line : notification.explanation()) {
                text.append("• ").append(escape(line)).append('\n');
            }
            section(blocks).putObject("text").put("type", "mrkdwn").put("text", cut(text.toString(), SECTION_MAX));
        }
        ArrayNode fields = section(blocks).putArray("fields");
        notification.facts().entrySet().stream()
                .limit(FIELDS_MAX)
                .forEach(fact -> fields.addObject()
                        .put("type", "mrkdwn")
                        .put("text", cut("*" + escape(fact.getKey()) + "*\n" + escape(fact.getValue()), FIELD_MAX)));
        if (!notification.links().isEmpty()) {
            ObjectNode context = blocks.addObject().put("type", "context");
            ArrayNode elements = context.putArray("elements");
            notification.links().entrySet().stream()
                    .limit(10)
                    .forEach(link -> elements.addObject()
                            .put("type", "mrkdwn")
                            .put("text", cut(link(link.getKey(), link.getValue()), FIELD_MAX)));
        }
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Slack message: " + e.getMessage(), e);
        }
    }

    private static ObjectNode section(ArrayNode blocks) {
        return blocks.addObject().put("type", "section");
    }

    private static String link(String label, String target) {
        return target.startsWith("http://") || target.startsWith("https://")
                ? "<" + target + "|" + escape(label) + ">"
                : escape(label) + ": `" + escape(target) + "`";
    }

    /** Slack's mrkdwn needs only these three escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
