package io.releasepilot.core.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.NotificationChannelContractTest;
import io.releasepilot.core.notify.ProviderDouble;
import io.releasepilot.core.notify.SampleNotifications;
import io.releasepilot.core.notify.http.JsonHttp;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack channel against a double of an incoming webhook that checks each message as Slack documents it (Block Kit
 * reference, "Sending messages using incoming webhooks"): {@code text} or {@code blocks}; at most 50 blocks of known
 * types; header text plain_text of at most 150 characters; section text at most 3000; at most 10 fields of at most 2000;
 * context at most 10 elements. It answers 200 {@code ok}, 400 {@code invalid_blocks}, and 429 with Retry-After.
 */
class SlackNotificationChannelTest extends NotificationChannelContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BLOCK_TYPES =
            Set.of("header", "section", "context", "divider", "actions", "image", "rich_text");

    private final ProviderDouble slack = new ProviderDouble(
            SlackNotificationChannelTest::problems,
            problems -> new ProviderDouble.Answer(400, Map.of(), "invalid_blocks"),
            request -> new ProviderDouble.Answer(200, Map.of(), "ok"));

    @AfterEach
    void stop() {
        slack.close();
    }

    static List<String> problems(ProviderDouble.Request request) {
        List<String> problems = new ArrayList<>();
        try {
            JsonNode message = JSON.readTree(request.body());
            if (!message.hasNonNull("text") && !message.hasNonNull("blocks")) {
                problems.add("no text");
            }
            JsonNode blocks = message.path("blocks");
            if (blocks.size() > 50) {
                problems.add("more than 50 blocks");
            }
            for (JsonNode block : blocks) {
                String type = block.path("type").asText();
                if (!BLOCK_TYPES.contains(type)) {
                    problems.add("unknown block type " + type);
                }
                if (type.equals("header")) {
                    check(problems, !block.path("text").path("type").asText().equals("plain_text"), "header type");
                    check(problems, block.path("text").path("text").asText().length() > 150, "header > 150");
                }
                if (type.equals("section")) {
                    check(problems, !block.has("text") && !block.has("fields"), "section needs text or fields");
                    check(problems, block.path("text").path("text").asText().length() > 3000, "section > 3000");
                    check(problems, block.path("fields").size() > 10, "more than 10 fields");
                    for (JsonNode field : block.path("fields")) {
                        check(problems, field.path("text").asText().length() > 2000, "field > 2000");
                        check(
                                problems,
                                !Set.of("mrkdwn", "plain_text")
                                        .contains(field.path("type").asText()),
                                "field type");
                    }
                }
                if (type.equals("context")) {
                    check(
                            problems,
                            block.path("elements").size() > 10
                                    || block.path("elements").isEmpty(),
                            "context needs 1..10 elements");
                }
            }
        } catch (Exception e) {
            problems.add("invalid_payload");
        }
        return problems;
    }

    private static void check(List<String> problems, boolean broken, String problem) {
        if (broken) {
            problems.add(problem);
        }
    }

    @Override
    protected NotificationChannel channel(URI endpoint) {
        return new SlackNotificationChannel("team-chat", endpoint, JsonHttp.defaults());
    }

    @Override
    protected URI receiverUrl() {
        return slack.url("/services/T000/B000/XXXX");
    }

    @Override
    protected int received(String deliveryKey) {
        return slack.accepted().size();
    }

    @Override
    protected URI deadUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/services/T000/B000/XXXX");
    }

    @Test
    void shouldKeepSlackLimitsForLongExplanations() throws Exception {
        Notification base = SampleNotifications.rollback();
        List<String> lines = new ArrayList<>(Collections.nCopies(400, "errorRate = 0.052 (threshold < 1%)"));
        Notification huge = new Notification(
                base.eventId(),
                base.eventType(),
                base.category(),
                base.severity(),
                true,
                base.releaseId(),
                base.service(),
                base.environment(),
                base.time(),
                "x".repeat(400),
                lines,
                base.facts(),
                base.links());

        DeliveryOutcome outcome = channel(receiverUrl()).send(huge, Delivery.key(huge, "team-chat"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        JsonNode header =
                JSON.readTree(slack.accepted().get(0).body()).get("blocks").get(0);
        assertThat(header.get("text").get("text").asText()).hasSize(150);
    }

    @Test
    void shouldAskToRetryAfterSlacksRateLimit() {
        slack.script(new ProviderDouble.Answer(429, Map.of("Retry-After", "30"), "rate_limited"));
        Notification notification = SampleNotifications.rollback();

        DeliveryOutcome outcome = channel(receiverUrl()).send(notification, Delivery.key(notification, "team-chat"));

        assertThat(outcome)
                .isEqualTo(new DeliveryOutcome.Retry(
                        "POST " + JsonHttp.where(receiverUrl()) + " answered 429: rate_limited",
                        Duration.ofSeconds(30)));
    }

    @Test
    void shouldExplainTheEvidenceInTheMessage() throws Exception {
        Notification warning = SampleNotifications.of(
                EventType.STEP_RECORDED, NotificationEvent.WARNING, NotificationSeverity.MEDIUM, false);

        channel(receiverUrl()).send(warning, Delivery.key(warning, "team-chat"));

        String body = slack.accepted().get(0).body();
        assertThat(body).contains("p-value 0.0012", "effect size 0.91", "threshold &lt; 1%", "weights stable 75 %");
        assertThat(body).contains("<https://pilot.example.com/releases/");
    }

    @Test
    void shouldTreatSlacksInvalidBlocksAnswerAsRejected() {
        slack.script(new ProviderDouble.Answer(400, Map.of(), "invalid_blocks"));
        Notification notification = SampleNotifications.rollback();

        DeliveryOutcome outcome = channel(receiverUrl()).send(notification, Delivery.key(notification, "team-chat"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
    }
}
