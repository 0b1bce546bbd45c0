package io.releasepilot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepDetailTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void shouldTakeKindVerdictAndWeightsFromTheDetail() {
        NewStep traffic =
                new NewStep(2, new StepDetail.TrafficApplied(TrafficSplit.canary(25), "haproxy", null, "advance"));
        NewStep analysis = new NewStep(2, new StepDetail.Analysis(AT, "v2", Map.of(), Map.of(), Verdict.WARNING, null));
        NewStep rollback = new NewStep(
                2, new StepDetail.RollbackStarted("why", "alice", RollbackCause.Operator.ofReleaseInProgress()));
        NewStep intent = new NewStep(2, new StepDetail.TrafficIntent(TrafficSplit.canary(25), "advance"));

        assertThat(traffic.kind()).isEqualTo(StepKind.TRAFFIC);
        assertThat(traffic.weights()).isEqualTo(TrafficSplit.canary(25));
        assertThat(traffic.verdict()).isNull();
        assertThat(analysis.kind()).isEqualTo(StepKind.ANALYSIS);
        assertThat(analysis.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(analysis.weights()).isNull();
        assertThat(rollback.kind()).isEqualTo(StepKind.NOTE);
        assertThat(rollback.verdict()).isEqualTo(Verdict.FAIL);
        // Only an applied change moves the release's weights; an intent is a note.
        assertThat(intent.kind()).isEqualTo(StepKind.NOTE);
        assertThat(intent.weights()).isNull();
        assertThat(new StepDetail.HealthCheck(1, AT).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldRejectDetailsThatContradictThemselves() {
        assertThatThrownBy(() -> new StepDetail.HealthCheck(0, AT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> new StepDetail.Hook(StepDetail.SmokeChecks.NAME, List.of(), null, "", true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SmokeChecks");
        assertThatThrownBy(() -> new StepDetail.HostNote("phase", "1", "http://ci/1", null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jenkins-build");
        assertThatThrownBy(() -> new StepDetail.Unrecognised(StepKind.TRAFFIC, null, "", "{}"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new StepDetail.Phase("", "why")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewStep(-1, new StepDetail.Notice("x"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldKeepCopiesNotTheCallersCollections() {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("errorRate", 0.01);
        StepDetail.Analysis analysis = new StepDetail.Analysis(AT, "v2", values, Map.of(), Verdict.PASS, null);

        values.put("errorRate", 0.5);

        assertThat(analysis.values()).containsEntry("errorRate", 0.01);
        assertThatThrownBy(() -> analysis.values().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
