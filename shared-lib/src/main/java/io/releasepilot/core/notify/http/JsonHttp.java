package io.releasepilot.core.notify.http;

import io.releasepilot.core.notify.DeliveryOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Posts a JSON body and maps the answer to a delivery outcome: 2xx delivered; 408, 429 (with its Retry-After) and 5xx
 * retried; any other 4xx rejected (the request itself is wrong, so sending it again cannot help); a connection failure
 * or timeout retried.
 */
public final class JsonHttp {
    private static final int MAX_ANSWER = 300;

    private final HttpClient client;
    private final Duration timeout;

    public JsonHttp(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static JsonHttp defaults() {
        return new JsonHttp(Duration.ofSeconds(10));
    }

    public DeliveryOutcome post(URI uri, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "release-pilot")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new DeliveryOutcome.Retry("POST " + where(uri) + " failed: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retry("POST " + where(uri) + " interrupted", null);
        }
        int status = response.statusCode();
        String answer = abbreviate(response.body());
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered(status + " " + answer);
        }
        String what = "POST " + where(uri) + " answered " + status + ": " + answer;
        if (status == 429 || status == 408 || status >= 500) {
            return new DeliveryOutcome.Retry(what, retryAfter(response.headers().firstValue("Retry-After")));
        }
        return new DeliveryOutcome.Rejected(what);
    }

    /** Seconds, as Slack and PagerDuty send it; an HTTP date is not honoured (the backoff applies instead). */
    static @Nullable Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 3600));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Scheme, host and port only: paths and queries of webhook URLs often hold the secret. */
    public static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_ANSWER ? flat : flat.substring(0, MAX_ANSWER) + "…";
    }
}
