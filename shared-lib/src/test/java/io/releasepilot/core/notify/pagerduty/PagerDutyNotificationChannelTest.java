package io.releasepilot.core.notify.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.NotificationChannelContractTest;
import io.releasepilot.core.notify.ProviderDouble;
import io.releasepilot.core.notify.SampleNotifications;
import io.releasepilot.core.notify.http.JsonHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PagerDuty channel against a double of the Events API v2 that checks each request as PagerDuty documents it:
 * alert events on {@code /v2/enqueue} with a 32-character routing_key, event_action trigger|acknowledge|resolve,
 * dedup_key of at most 255 characters, and for a trigger a payload with summary (at most 1024), source, severity
 * critical|error|warning|info and an ISO-8601 timestamp; change events on {@code /v2/change/enqueue} with routing_key
 * and payload.summary. Answers: 202 with status success, 400 "invalid event" with errors, 429.
 */
class PagerDutyNotificationChannelTest extends NotificationChannelContractTest {
    static final String ROUTING_KEY = "R0123456789ABCDEF0123456789ABCDE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderDouble pagerDuty = new ProviderDouble(
            PagerDutyNotificationChannelTest::problems,
            problems -> new ProviderDouble.Answer(
                    400,
                    Map.of("Content-Type", "application/json"),
                    "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":"
                            + problems.stream().map(p -> "\"" + p + "\"").toList() + "}"),
            request -> new ProviderDouble.Answer(
                    202,
                    Map.of("Content-Type", "application/json"),
                    "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"k\"}"));

    @AfterEach
    void stop() {
        pagerDuty.close();
    }

    static List<String> problems(ProviderDouble.Request request) {
        List<String> problems = new ArrayList<>();
        try {
            JsonNode event = JSON.readTree(request.body());
            if (event.path("routing_key").asText().length() != 32) {
                problems.add("routing_key must be 32 characters");
            }
            JsonNode payload = event.path("payload");
            if (request.path().equals("/v2/enqueue")) {
                String action = event.path("event_action").asText();
                if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
                    problems.add("event_action must be trigger, acknowledge or resolve");
                }
                if (event.path("dedup_key").asText().length() > 255) {
                    problems.add("dedup_key longer than 255");
                }
                if (!action.equals("trigger") && !event.hasNonNull("dedup_key")) {
                    problems.add("dedup_key is required for " + action);
                }
                if (action.equals("trigger")) {
                    summary(problems, payload);
                    if (payload.path("source").asText().isEmpty()) {
                        problems.add("payload.source is required");
                    }
                    if (!Set.of("critical", "error", "warning", "info")
                            .contains(payload.path("severity").asText())) {
                        problems.add("payload.severity is invalid");
                    }
                    if (payload.has("timestamp")) {
                        Instant.parse(payload.get("timestamp").asText());
                    }
                }
            } else if (request.path().equals("/v2/change/enqueue")) {
                summary(problems, payload);
            } else {
                problems.add("unknown path " + request.path());
            }
            for (JsonNode link : event.path("links")) {
                if (!link.path("href").asText().startsWith("http")) {
                    problems.add("links[].href must be a URL");
                }
            }
        } catch (Exception e) {
            problems.add("not JSON: " + e.getMessage());
        }
        return problems;
    }

    private static void summary(List<String> problems, JsonNode payload) {
        String summary = payload.path("summary").asText();
        if (summary.isEmpty() || summary.length() > 1024) {
            problems.add("payload.summary is required, at most 1024 characters");
        }
    }

    @Override
    protected NotificationChannel channel(URI endpoint) {
        return new PagerDutyNotificationChannel("on-call", endpoint, ROUTING_KEY, JsonHttp.defaults());
    }

    @Override
    protected URI receiverUrl() {
        return pagerDuty.url("");
    }

    @Override
    protected int received(String deliveryKey) {
        return pagerDuty.accepted().size();
    }

    @Override
    protected URI deadUrl(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Test
    void shouldTriggerAnIncidentAndRecordAChangeForARollback() throws Exception {
        Notification rollback = SampleNotifications.rollback();

        channel(receiverUrl()).send(rollback, Delivery.key(rollback, "on-call"));

        List<ProviderDouble.Request> accepted = pagerDuty.accepted();
        assertThat(accepted)
                .extracting(ProviderDouble.Request::path)
                .containsExactly("/v2/enqueue", "/v2/change/enqueue");
        JsonNode trigger = JSON.readTree(accepted.get(0).body());
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("release-pilot/prod/checkout");
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(trigger.at("/payload/custom_details/explanation").toString()).contains("p-value 0.0012");
        assertThat(trigger.at("/links/0/href").asText()).startsWith("https://pilot.example.com/releases/");
    }

    @Test
    void shouldResolveTheIncidentWhenALaterReleaseSucceeds() throws Exception {
        Notification success = SampleNotifications.succeeded();

        channel(receiverUrl()).send(success, Delivery.key(success, "on-call"));

        JsonNode resolve = JSON.readTree(pagerDuty.accepted().get(0).body());
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo("release-pilot/prod/checkout");
        assertThat(pagerDuty.accepted().get(1).path()).isEqualTo("/v2/change/enqueue");
    }

    @Test
    void shouldRetryOnRateLimitAndBeRejectedOnAnInvalidEvent() {
        Notification rollback = SampleNotifications.rollback();
        pagerDuty.script(new ProviderDouble.Answer(429, Map.of("Retry-After", "5"), ""));

        DeliveryOutcome limited = channel(receiverUrl()).send(rollback, Delivery.key(rollback, "on-call"));
        DeliveryOutcome invalid = new PagerDutyNotificationChannel(
                        "on-call", receiverUrl(), "too-short", JsonHttp.defaults())
                .send(rollback, Delivery.key(rollback, "on-call"));

        assertThat(limited).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(((DeliveryOutcome.Retry) limited).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(invalid).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(((DeliveryOutcome.Rejected) invalid).reason()).contains("400", "routing_key must be 32");
    }
}
