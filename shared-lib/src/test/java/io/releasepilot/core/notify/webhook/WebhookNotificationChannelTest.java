package io.releasepilot.core.notify.webhook;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook channel against a receiver that checks what docs/notifications.md promises, with its own code: a
 * CloudEvents 1.0 structured document, and an HMAC-SHA256 signature over {@code <timestamp>.<body>} that it recomputes
 * itself (compared in constant time), refusing a stale timestamp.
 */
class WebhookNotificationChannelTest extends NotificationChannelContractTest {
    private static final String SECRET = "s3cr3t-webhook-key";
    private static final Instant NOW = Instant.parse("2026-12-02T16:00:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderDouble receiver = new ProviderDouble(
            WebhookNotificationChannelTest::problems,
            problems -> new ProviderDouble.Answer(401, Map.of(), String.join("; ", problems)),
            request -> new ProviderDouble.Answer(204, Map.of(), ""));

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** The independent receiver's checks. */
    static List<String> problems(ProviderDouble.Request request) {
        List<String> problems = new ArrayList<>();
        String timestamp = request.header("X-Release-Pilot-Timestamp");
        String signature = request.header("X-Release-Pilot-Signature");
        if (timestamp == null || signature == null) {
            return List.of("unsigned");
        }
        if (Math.abs(Long.parseLong(timestamp) - NOW.getEpochSecond()) > 300) {
            problems.add("stale timestamp");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : expected) {
                hex.append(String.format("%02x", b));
            }
            if (!MessageDigest.isEqual(
                    hex.toString().getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                problems.add("bad signature");
            }
            JsonNode event = JSON.readTree(request.body());
            for (String attribute : List.of("specversion", "id", "source", "type")) {
                if (!event.hasNonNull(attribute)) {
                    problems.add("missing CloudEvents attribute " + attribute);
                }
            }
            if (!"1.0".equals(event.path("specversion").asText())) {
                problems.add("specversion must be 1.0");
            }
            if (!request.header("Content-Type").startsWith("application/cloudevents+json")) {
                problems.add("content type");
            }
        } catch (Exception e) {
            problems.add(e.toString());
        }
        return problems;
    }

    @Override
    protected NotificationChannel channel(URI endpoint) {
        return new WebhookNotificationChannel(
                "hooks", endpoint, SECRET, JsonHttp.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected URI receiverUrl() {
        return receiver.url("/hooks/release?token=abc");
    }

    @Override
    protected int received(String deliveryKey) {
        return (int) receiver.accepted().stream()
                .filter(request -> request.body().contains("\"id\":\"" + deliveryKey + "\""))
                .count();
    }

    @Override
    protected URI deadUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/hooks");
    }

    @Test
    void shouldCarryTheExplanationAndLinksInTheCloudEventData() throws Exception {
        Notification notification = SampleNotifications.rollback();

        channel(receiverUrl()).send(notification, Delivery.key(notification, "hooks"));

        JsonNode data = JSON.readTree(receiver.accepted().get(0).body()).get("data");
        assertThat(data.get("severity").asText()).isEqualTo("critical");
        assertThat(data.get("category").asText()).isEqualTo("rollback");
        assertThat(data.get("explanation").toString()).contains("p-value 0.0012", "effect size 0.91", "< 1%");
        assertThat(data.get("links").get("report").asText()).startsWith("release-pilot report --release-id ");
    }

    @Test
    void shouldBeRefusedByTheReceiverWhenSignedWithAnotherKey() {
        Notification notification = SampleNotifications.rollback();
        NotificationChannel forged = new WebhookNotificationChannel(
                "hooks", receiverUrl(), "other-key", JsonHttp.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

        DeliveryOutcome outcome = forged.send(notification, Delivery.key(notification, "hooks"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(((DeliveryOutcome.Rejected) outcome).reason()).contains("401", "bad signature");
        assertThat(outcome.toString()).doesNotContain("token=abc");
    }
}
