package io.releasepilot.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReleaseEventTest {
    private static final UUID RELEASE = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @Test
    void shouldWriteACloudEventsDocument() throws Exception {
        ReleaseEvent event = ReleaseEvent.of(
                EventType.RELEASE_ROLLED_BACK,
                "api",
                "prod",
                RELEASE,
                Instant.parse("2026-03-01T10:00:00Z"),
                Map.of("reason", "error rate 3 %"));

        JsonNode json = new ObjectMapper().readTree(event.toJson());

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(json.get("type").asText()).isEqualTo("io.releasepilot.release-rolled-back");
        assertThat(json.get("source").asText()).isEqualTo("/release-pilot/prod/api");
        assertThat(json.get("subject").asText()).isEqualTo("releasepilot.prod.api.release-rolled-back");
        assertThat(json.get("time").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("data").get("releaseId").asText()).isEqualTo(RELEASE.toString());
        assertThat(json.get("data").get("reason").asText()).isEqualTo("error rate 3 %");
        assertThat(ReleaseEvent.fromJson(event.toJson())).isEqualTo(event);
    }

    @Test
    void shouldTurnNamesIntoSafeSubjectTokensAndKeepTheExactNamesInTheData() {
        ReleaseEvent event =
                ReleaseEvent.of(EventType.STEP_RECORDED, "pay.ments >", "eu west*", RELEASE, Instant.EPOCH, Map.of());

        assertThat(event.subject()).isEqualTo("releasepilot.eu_west_.pay_ments__.step-recorded");
        assertThat(event.service()).isEqualTo("pay.ments >");
        assertThat(event.environment()).isEqualTo("eu west*");
        assertThat(EventSubjects.token("")).isEqualTo("_");
        assertThat(EventSubjects.filter("prod", null)).isEqualTo("releasepilot.prod.*.*");
    }

    @Test
    void shouldRejectDocumentsThatAreNotReleaseEvents() {
        assertThatThrownBy(() -> ReleaseEvent.fromJson("{\"specversion\":\"0.3\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("specversion");
        assertThatThrownBy(() -> ReleaseEvent.fromJson("not json")).isInstanceOf(InvalidInputException.class);
    }
}
