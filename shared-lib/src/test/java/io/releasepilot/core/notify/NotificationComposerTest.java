package io.releasepilot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.NotificationEvent;
import io.releasepilot.core.spec.NotificationSeverity;
import io.releasepilot.core.state.JudgeSummary;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationComposerTest {
    private static final UUID RELEASE = UUID.fromString("0190a2b4-0000-7000-8000-000000000001");
    private static final Instant T0 = Instant.parse("2026-12-02T16:00:00Z");

    static List<ReleaseStep> rolledBackHistory() {
        JudgeSummary judge = new JudgeSummary(
                Verdict.FAIL,
                12.5,
                "canary worse than baseline",
                List.of(new JudgeSummary.Metric("errorRate", 0.052, 0.004, 0.91, 0.0012, Verdict.FAIL, "higher")));
        return List.of(
                step(1, new StepDetail.TrafficApplied(new TrafficSplit(75, 25), "haproxy", null, "step 2"), 0),
                step(
                        2,
                        new StepDetail.Analysis(
                                T0.plusSeconds(60),
                                "1.4.0",
                                Map.of("errorRate", 0.03),
                                Map.of("errorRate", "< 1%"),
                                Verdict.FAIL,
                                null),
                        60),
                step(
                        2,
                        new StepDetail.Analysis(
                                T0.plusSeconds(120),
                                "1.4.0",
                                Map.of("errorRate", 0.052),
                                Map.of("errorRate", "< 1%"),
                                Verdict.FAIL,
                                judge),
                        120),
                step(
                        2,
                        new StepDetail.RollbackStarted(
                                "errorRate 5.2% ≥ 1% for 1m",
                                "release-pilot",
                                new RollbackCause.Triggers(
                                        List.of("errorRate"),
                                        List.of("errorRate = 5.2% >= 1% for 1m0s (3 samples)"),
                                        Map.of("errorRate", 0.052))),
                        121));
    }

    private static ReleaseStep step(int index, StepDetail detail, long seconds) {
        return new ReleaseStep(index, RELEASE, new NewStep(index, detail), T0.plusSeconds(seconds));
    }

    private static ReleaseEvent event(EventType type, Map<String, Object> data) {
        return ReleaseEvent.of(type, "checkout", "prod", RELEASE, T0.plusSeconds(130), data);
    }

    @Test
    void shouldExplainARollbackWithValuesThresholdsWindowJudgeStepAndActor() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", "1.4.0");
        data.put("actor", "release-pilot");
        data.put("reason", "errorRate 5.2% ≥ 1% for 1m");

        Notification notification = new NotificationComposer("https://pilot.example.com/")
                .compose(event(EventType.RELEASE_ROLLED_BACK, data), rolledBackHistory())
                .orElseThrow();

        assertThat(notification.severity()).isEqualTo(NotificationSeverity.CRITICAL);
        assertThat(notification.category()).isEqualTo(NotificationEvent.ROLLBACK);
        assertThat(notification.finished()).isTrue();
        assertThat(notification.title()).isEqualTo("[critical] checkout → prod: release 1.4.0 rolled back");
        assertThat(String.join("\n", notification.explanation()))
                .contains("Triggers: errorRate")
                .contains("errorRate = 5.2% >= 1% for 1m0s (3 samples)")
                .contains("Analysis of 1.4.0 over 60 s to 2026-12-02T16:02:00Z: FAIL")
                .contains("errorRate = 0.05200 (threshold < 1%)")
                .contains("p-value 0.001200, effect size 0.9100")
                .contains("At step 1 with weights stable 75 % / new 25 %")
                .contains("By release-pilot");
        assertThat(notification.links())
                .containsEntry("report", "release-pilot report --release-id " + RELEASE)
                .containsEntry("release", "https://pilot.example.com/releases/" + RELEASE);
    }

    @Test
    void shouldTellAWarningTierTriggerAsMedium() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stepIndex", 2);
        data.put("kind", "NOTE");
        data.put("details", Map.of("event", "notify", "message", "p95Latency 480ms ≥ 450ms (warning)"));

        Notification notification = new NotificationComposer(null)
                .compose(event(EventType.STEP_RECORDED, data), rolledBackHistory())
                .orElseThrow();

        assertThat(notification.severity()).isEqualTo(NotificationSeverity.MEDIUM);
        assertThat(notification.category()).isEqualTo(NotificationEvent.WARNING);
        assertThat(notification.explanation()).first().isEqualTo("p95Latency 480ms ≥ 450ms (warning)");
        assertThat(notification.links()).containsOnlyKeys("report");
    }

    @Test
    void shouldExplainAFailedGateObjectiveByObjective() {
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("name", "coverage");
        objective.put("source", "jacoco");
        objective.put("metric", "line");
        objective.put("value", 0.71);
        objective.put("comparator", ">=");
        objective.put("pass", 0.8);
        objective.put("verdict", "FAIL");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "GATE");
        data.put("verdict", "FAIL");
        data.put("details", Map.of("event", "gate", "reason", "1 objective failed", "objectives", List.of(objective)));

        Notification notification = new NotificationComposer(null)
                .compose(event(EventType.STEP_RECORDED, data), List.of())
                .orElseThrow();

        assertThat(notification.severity()).isEqualTo(NotificationSeverity.HIGH);
        assertThat(notification.explanation())
                .containsExactly("1 objective failed", "coverage (jacoco line) = 0.7100, needs >= 0.8000 → FAIL");
    }

    @Test
    void shouldTellNothingAboutRoutineSteps() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "TRAFFIC");
        data.put("details", Map.of("event", "traffic-applied"));

        assertThat(new NotificationComposer(null).compose(event(EventType.STEP_RECORDED, data), List.of()))
                .isEmpty();
        assertThat(new NotificationComposer(null).compose(event(EventType.PROGRESS_UPDATED, Map.of()), List.of()))
                .isEmpty();
    }
}
