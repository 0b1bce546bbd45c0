package io.releasepilot.core.notify.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.notify.DeliveryLog;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.NotificationComposer;
import io.releasepilot.core.notify.NotificationRouter;
import io.releasepilot.core.notify.ProviderDouble;
import io.releasepilot.core.notify.RetryPolicy;
import io.releasepilot.core.notify.http.JsonHttp;
import io.releasepilot.core.notify.webhook.WebhookNotificationChannel;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import io.releasepilot.core.spec.NotificationSpec;
import io.releasepilot.core.spec.NotificationType;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Releases written to a real ledger, and a notifier with a webhook target, for the notifier's integration tests. */
final class NotifierFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    private NotifierFixture() {}

    static NotificationSpec webhook(String name) {
        return new NotificationSpec(
                name,
                NotificationType.WEBHOOK,
                "HOOK_URL",
                List.of(NotificationEvent.values()),
                NotificationSeverity.defaultsFor(NotificationType.WEBHOOK),
                List.of(),
                null,
                List.of(),
                null,
                null);
    }

    static Notifier notifier(String service, ReleaseStore store, DeliveryLog log, URI hook) {
        NotificationChannel channel = new WebhookNotificationChannel(
                "hooks", hook, null, new JsonHttp(Duration.ofSeconds(5)), Clock.systemUTC());
        return new Notifier(
                service,
                store,
                log,
                new NotificationComposer(null),
                new NotificationRouter(List.of(webhook("hooks"))),
                Map.of("hooks", channel),
                new RetryPolicy(100, Duration.ofMillis(20), Duration.ofMillis(200)),
                Clock.systemUTC(),
                new Random(7));
    }

    /** A canary release that warns {@code warnings} times and is rolled back; returns it. */
    static Release rolledBack(ReleaseStore store, String service, int warnings) {
        Release release = store.start(
                ReleaseRequest.of(service, "prod", "1.4.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                StartOptions.failFast());
        store.recordStep(
                release.id(),
                new NewStep(1, new StepDetail.TrafficApplied(new TrafficSplit(90, 10), "test", null, "step 1")));
        for (int i = 0; i < warnings; i++) {
            store.recordStep(release.id(), new NewStep(1, new StepDetail.Notice("p95Latency warning " + i)));
        }
        store.recordStep(
                release.id(),
                new NewStep(
                        1,
                        new StepDetail.Analysis(
                                java.time.Instant.now(),
                                "1.4.0",
                                Map.of("errorRate", 0.052),
                                Map.of("errorRate", "< 1%"),
                                Verdict.FAIL,
                                null)));
        store.recordStep(
                release.id(),
                new NewStep(
                        1,
                        new StepDetail.RollbackStarted(
                                "errorRate ≥ 1%",
                                "release-pilot",
                                new RollbackCause.Triggers(
                                        List.of("errorRate"),
                                        List.of("errorRate = 5.2% >= 1% for 1m"),
                                        Map.of("errorRate", 0.052)))));
        return store.finish(release.id(), ReleaseState.ROLLED_BACK, Actor.of("release-pilot"), "errorRate ≥ 1%");
    }

    /** How many times the receiver accepted each CloudEvents id. */
    static Map<String, Integer> idsReceived(ProviderDouble receiver) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        for (ProviderDouble.Request request : receiver.accepted()) {
            ids.merge(JSON.readTree(request.body()).get("id").asText(), 1, Integer::sum);
        }
        return ids;
    }
}
