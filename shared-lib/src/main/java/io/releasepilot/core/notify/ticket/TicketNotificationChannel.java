package io.releasepilot.core.notify.ticket;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.http.JsonHttp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Creates a ticket by posting a JSON body rendered from the spec's {@code template}: each {@code {{name}}} becomes the
 * value, escaped for a JSON string (so the template writes the quotes). Names: summary, description, severity,
 * service, environment, releaseId, eventId, deliveryKey, report. The documented example is Jira Service Management's
 * create-request ({@code POST /rest/servicedeskapi/request}). The secret, when set, is sent as {@code Authorization}:
 * {@code Basic} when it has the form {@code user:token} (Jira Cloud), {@code Bearer} otherwise.
 */
public final class TicketNotificationChannel implements NotificationChannel {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private final String name;
    private final URI url;
    private final String template;
    private final @Nullable String secret;
    private final JsonHttp http;

    public TicketNotificationChannel(String name, URI url, String template, @Nullable String secret, JsonHttp http) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.template = Objects.requireNonNull(template, "template");
        this.secret = secret;
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryOutcome send(Notification notification, String deliveryKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (secret != null) {
            headers.put(
                    "Authorization",
                    secret.contains(":")
                            ? "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            : "Bearer " + secret);
        }
        return http.post(url, render(template, notification, deliveryKey), "application/json", headers);
    }

    /** The request body; an unknown placeholder is left as written so the provider's 400 names it. */
    public static String render(String template, Notification notification, String deliveryKey) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("summary", notification.title());
        values.put("description", notification.text());
        values.put("severity", notification.severity().name().toLowerCase(Locale.ROOT));
        values.put("service", notification.service());
        values.put("environment", notification.environment());
        values.put("releaseId", notification.releaseId().toString());
        values.put("eventId", notification.eventId().toString());
        values.put("deliveryKey", deliveryKey);
        values.put("report", notification.links().getOrDefault("report", ""));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            String replacement = value == null
                    ? matcher.group()
                    : new String(JsonStringEncoder.getInstance().quoteAsString(value));
            matcher.appendReplacement(body, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(body);
        return body.toString();
    }
}
