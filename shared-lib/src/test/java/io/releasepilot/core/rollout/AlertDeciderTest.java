package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.rollout.AlertDecider.Action;
import io.releasepilot.core.rollout.AlertDecider.AlertDecision;
import io.releasepilot.core.rollout.AlertDecider.AlertRouting;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.LockHolder;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.RollbackCause;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertDeciderTest {
    private final AlertDecider decider = new AlertDecider("checkout", Set.of("staging", "production"));

    @Test
    void shouldRollBackTheReleaseInProgressForAFiringCriticalAlert() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "firing",
                "{}",
                alert(
                        "firing",
                        "{\"alertname\":\"ErrorRateHigh\",\"service\":\"checkout\","
                                + "\"environment\":\"production\",\"severity\":\"critical\"}")));
        Release release = release("production");

        AlertRouting routing = decider.route(notification);
        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.of(release), Set.of());

        assertThat(routing.targets()).hasSize(1);
        assertThat(decision.action()).isEqualTo(Action.ROLLBACK);
        assertThat(decision.releaseId()).isEqualTo(release.id());
        assertThat(decision.reason())
                .contains("ErrorRateHigh", "2024-05-01T10:00:00Z", "error rate 3 %", "environment=production");
        assertThat(decision.cause()).isNotNull();
        assertThat(decision.cause().groupKey()).isEqualTo("{}:{alertname=\"ErrorRateHigh\"}");
        assertThat(decision.newAlertKeys()).hasSize(1);
    }

    @Test
    void shouldDoNothingForResolvedAlerts() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "resolved",
                "{}",
                alert(
                        "resolved",
                        "{\"alertname\":\"ErrorRateHigh\",\"service\":\"checkout\","
                                + "\"environment\":\"production\"}")));

        AlertRouting routing = decider.route(notification);

        assertThat(routing.targets()).isEmpty();
        assertThat(routing.notes()).singleElement().asString().contains("resolved");
    }

    @Test
    void shouldTakeServiceAndEnvironmentFromCommonLabels() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\",\"environment\":\"staging\"}",
                alert("firing", "{\"alertname\":\"LatencyHigh\"}")));

        AlertRouting routing = decider.route(notification);

        assertThat(routing.targets()).singleElement().satisfies(target -> {
            assertThat(target.service()).isEqualTo("checkout");
            assertThat(target.environment()).isEqualTo("staging");
        });
    }

    @Test
    void shouldIgnoreAlertsOfAnotherServiceOrWithoutLabels() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "firing",
                "{}",
                alert("firing", "{\"alertname\":\"A\",\"service\":\"cart\",\"environment\":\"production\"}"),
                alert("firing", "{\"alertname\":\"B\"}"),
                alert("firing", "{\"alertname\":\"C\",\"service\":\"checkout\",\"environment\":\"qa\"}")));

        AlertRouting routing = decider.route(notification);

        assertThat(routing.targets()).isEmpty();
        assertThat(routing.notes()).hasSize(3);
        assertThat(routing.notes().get(0)).contains("service cart");
        assertThat(routing.notes().get(1)).contains("no service and environment");
        assertThat(routing.notes().get(2)).contains("environment qa");
    }

    @Test
    void shouldOnlyNotifyForWarnings() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "firing",
                "{}",
                alert(
                        "firing",
                        "{\"alertname\":\"ErrorRateWarning\",\"service\":\"checkout\","
                                + "\"environment\":\"production\",\"severity\":\"warning\"}")));

        AlertRouting routing = decider.route(notification);

        assertThat(routing.targets()).isEmpty();
        assertThat(routing.notes()).singleElement().asString().contains("notify only");
    }

    @Test
    void shouldGroupSeveralAlertsPerEnvironment() {
        AlertNotification notification = AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\"}",
                alert("firing", "{\"alertname\":\"A\",\"environment\":\"production\"}"),
                alert("firing", "{\"alertname\":\"B\",\"environment\":\"production\"}"),
                alert("firing", "{\"alertname\":\"C\",\"environment\":\"staging\"}"),
                alert("resolved", "{\"alertname\":\"D\",\"environment\":\"staging\"}")));

        AlertRouting routing = decider.route(notification);

        assertThat(routing.targets()).hasSize(2);
        assertThat(routing.targets().get(0).environment()).isEqualTo("production");
        assertThat(routing.targets().get(0).alerts()).hasSize(2);
        assertThat(routing.targets().get(1).environment()).isEqualTo("staging");
        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.of(release("production")), Set.of());
        assertThat(decision.reason()).startsWith("Alertmanager alerts A").contains("; B");
    }

    @Test
    void shouldSayNothingIsInProgressWhenNoReleaseHoldsTheLock() {
        AlertRouting routing = decider.route(AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\",\"environment\":\"production\"}",
                alert("firing", "{\"alertname\":\"A\"}"))));

        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.empty(), Set.of());

        assertThat(decision.action()).isEqualTo(Action.NOTHING_IN_PROGRESS);
        assertThat(decision.releaseId()).isNull();
        assertThat(decision.reason()).contains("nothing to roll back");
    }

    @Test
    void shouldDoNothingNewForAlertsAlreadyHandled() {
        AlertRouting routing = decider.route(AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\",\"environment\":\"production\"}",
                alert("firing", "{\"alertname\":\"A\"}"))));
        Set<String> handled = Set.copyOf(routing.targets().get(0).alertKeys());

        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.of(release("production")), handled);

        assertThat(decision.action()).isEqualTo(Action.ALREADY_HANDLED);
    }

    @Test
    void shouldKeyAnAlertByGroupFingerprintAndStart() {
        AlertNotification.Alert alert = new AlertNotification.Alert(
                "firing", java.util.Map.of(), java.util.Map.of(), "2024-05-01T10:00:00Z", "abc");
        AlertNotification.Alert later = new AlertNotification.Alert(
                "firing", java.util.Map.of(), java.util.Map.of(), "2024-05-01T11:00:00Z", "abc");

        assertThat(AlertDecider.alertKey("g", alert)).isEqualTo(AlertDecider.alertKey("g", alert));
        assertThat(AlertDecider.alertKey("g", alert)).isNotEqualTo(AlertDecider.alertKey("g", later));
        assertThat(AlertDecider.alertKey("g", alert)).isNotEqualTo(AlertDecider.alertKey("h", alert));
    }

    @Test
    void shouldRefuseAnotherPayloadVersion() {
        String body = webhook("firing", "{}", alert("firing", "{}")).replace("\"version\":\"4\"", "\"version\":\"3\"");

        assertThatThrownBy(() -> AlertNotification.parse(body))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version");
    }

    @Test
    void shouldRefuseMalformedJson() {
        assertThatThrownBy(() -> AlertNotification.parse("{\"version\":\"4\", alerts"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> AlertNotification.parse("[]")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AlertNotification.parse("{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[1]}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AlertNotification.parse("{\"version\":\"4\",\"groupKey\":\"g\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("alerts");
    }

    @Test
    void shouldRecordButNotRollBackForAnAlertThatStartedBeforeTheRelease() {
        AlertRouting routing = decider.route(AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\",\"environment\":\"production\"}",
                alert("firing", "{\"alertname\":\"A\"}", "2024-05-01T08:59:59Z"))));

        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.of(release("production")), Set.of());

        assertThat(decision.action()).isEqualTo(Action.PREDATES_RELEASE);
        assertThat(decision.cause()).isNull();
        assertThat(decision.newAlertKeys()).hasSize(1);
        assertThat(decision.reason())
                .isEqualTo(decision.predating())
                .startsWith("alert A firing since 2024-05-01T08:59:59Z")
                .endsWith("predates release 1.2.3 (started 2024-05-01T09:00:00Z): recorded, not rolled back");
    }

    @Test
    void shouldRollBackForTheNewAlertAndRecordTheOlderOne() {
        AlertRouting routing = decider.route(AlertNotification.parse(webhook(
                "firing",
                "{\"service\":\"checkout\",\"environment\":\"production\"}",
                alert("firing", "{\"alertname\":\"Old\"}", "2024-05-01T08:00:00+02:00"),
                alert("firing", "{\"alertname\":\"New\"}", "2024-05-01T09:00:01.5Z"),
                alert("firing", "{\"alertname\":\"Unknown\"}", ""))));

        AlertDecision decision = decider.decide(routing.targets().get(0), Optional.of(release("production")), Set.of());

        assertThat(decision.action()).isEqualTo(Action.ROLLBACK);
        assertThat(decision.reason()).contains("New", "Unknown").doesNotContain("Old");
        assertThat(decision.cause().alerts())
                .extracting(RollbackCause.FiredAlert::name)
                .containsExactly("New", "Unknown");
        assertThat(decision.predating()).startsWith("alert Old firing since 2024-05-01T08:00:00+02:00");
        assertThat(decision.newAlertKeys()).hasSize(3);
    }

    static String webhook(String status, String commonLabels, String... alerts) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"ErrorRateHigh\\\"}\",\"truncatedAlerts\":0,"
                + "\"status\":\"" + status + "\",\"receiver\":\"rp\",\"groupLabels\":{},\"commonLabels\":"
                + commonLabels + ",\"commonAnnotations\":{},\"externalURL\":\"http://am\",\"alerts\":["
                + String.join(",", alerts) + "]}";
    }

    static String alert(String status, String labels) {
        return alert(status, labels, "2024-05-01T10:00:00Z");
    }

    static String alert(String status, String labels, String startsAt) {
        return "{\"status\":\"" + status + "\",\"labels\":" + labels
                + ",\"annotations\":{\"summary\":\"error rate 3 %\"},\"startsAt\":\"" + startsAt + "\","
                + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom\",\"fingerprint\":\""
                + Integer.toHexString(labels.hashCode()) + "\"}";
    }

    private static Release release(String environment) {
        Actor actor = Actor.of("ci");
        UUID id = UUID.randomUUID();
        return new Release(
                id,
                ReleaseRequest.of("checkout", environment, "1.2.3", ReleaseStrategy.CANARY, actor),
                ReleaseState.IN_PROGRESS,
                1,
                null,
                Instant.parse("2024-05-01T09:00:00Z"),
                null,
                null,
                new LockHolder(id, "1.2.3", actor, Instant.parse("2024-05-01T09:00:00Z")));
    }
}
