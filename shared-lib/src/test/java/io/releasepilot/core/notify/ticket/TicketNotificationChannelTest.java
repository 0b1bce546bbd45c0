package io.releasepilot.core.notify.ticket;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket channel with the documented Jira Service Management template, against a double of {@code POST
 * /rest/servicedeskapi/request} that checks the create-request shape (serviceDeskId and requestTypeId as strings,
 * requestFieldValues.summary of at most 255 characters, a description string, an Authorization header) and answers 201
 * with the issue key, or 400 with errorMessage.
 */
class TicketNotificationChannelTest extends NotificationChannelContractTest {
    /** The template docs/notifications.md shows. */
    static final String JSM_TEMPLATE = "{\"serviceDeskId\": \"10\", \"requestTypeId\": \"25\", \"requestFieldValues\":"
            + " {\"summary\": \"{{summary}}\", \"description\": \"{{description}}\"},"
            + " \"requestParticipants\": [], \"raiseOnBehalfOf\": null}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderDouble jira = new ProviderDouble(
            TicketNotificationChannelTest::problems,
            problems -> new ProviderDouble.Answer(
                    400,
                    Map.of(),
                    "{\"errorMessage\":\"" + String.join("; ", problems) + "\",\"i18nErrorMessage\":{}}"),
            request -> new ProviderDouble.Answer(
                    201, Map.of(), "{\"issueId\":\"10010\",\"issueKey\":\"OPS-1\",\"requestTypeId\":\"25\"}"));

    @AfterEach
    void stop() {
        jira.close();
    }

    static List<String> problems(ProviderDouble.Request request) {
        List<String> problems = new ArrayList<>();
        if (!request.path().equals("/rest/servicedeskapi/request")) {
            problems.add("no such resource " + request.path());
        }
        if (request.header("Authorization") == null) {
            problems.add("unauthenticated");
        }
        try {
            JsonNode body = JSON.readTree(request.body());
            if (!body.path("serviceDeskId").isTextual()
                    || !body.path("requestTypeId").isTextual()) {
                problems.add("serviceDeskId and requestTypeId are required");
            }
            JsonNode fields = body.path("requestFieldValues");
            String summary = fields.path("summary").asText();
            if (summary.isEmpty() || summary.length() > 255) {
                problems.add("summary: required, at most 255 characters");
            }
            if (!fields.path("description").isTextual()) {
                problems.add("description must be a string");
            }
        } catch (Exception e) {
            problems.add("body is not JSON: " + e.getMessage());
        }
        return problems;
    }

    @Override
    protected NotificationChannel channel(URI endpoint) {
        return new TicketNotificationChannel(
                "ops-desk", endpoint, JSM_TEMPLATE, "bot@example.com:token", JsonHttp.defaults());
    }

    @Override
    protected URI receiverUrl() {
        return jira.url("/rest/servicedeskapi/request");
    }

    @Override
    protected int received(String deliveryKey) {
        return jira.accepted().size();
    }

    @Override
    protected URI deadUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/rest/servicedeskapi/request");
    }

    @Test
    void shouldOpenATicketWhoseDescriptionExplainsTheRollbackAndLinksTheReport() throws Exception {
        Notification rollback = SampleNotifications.rollback();

        DeliveryOutcome outcome = channel(receiverUrl()).send(rollback, Delivery.key(rollback, "ops-desk"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(((DeliveryOutcome.Delivered) outcome).receipt()).contains("OPS-1");
        JsonNode fields = JSON.readTree(jira.accepted().get(0).body()).get("requestFieldValues");
        assertThat(fields.get("description").asText()).contains("p-value 0.0012", "release-pilot report --release-id");
        assertThat(jira.accepted().get(0).header("Authorization")).startsWith("Basic ");
    }

    @Test
    void shouldBeRejectedWhenTheTemplateMissesRequiredFields() {
        Notification rollback = SampleNotifications.rollback();
        NotificationChannel broken = new TicketNotificationChannel(
                "ops-desk",
                receiverUrl(),
                "{\"requestFieldValues\":{\"summary\":\"{{summary}}\"}}",
                "t",
                JsonHttp.defaults());

        DeliveryOutcome outcome = broken.send(rollback, Delivery.key(rollback, "ops-desk"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(((DeliveryOutcome.Rejected) outcome).reason()).contains("400", "serviceDeskId");
    }
}
