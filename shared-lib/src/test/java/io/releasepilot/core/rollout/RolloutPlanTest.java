package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Severity;
import io.releasepilot.core.release.Unit;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {
    private static ReleaseSpec example() {
        return SpecReader.read(TestServices.repositoryRoot().resolve("docs/release-pilot.example.yml"))
                .value();
    }

    @Test
    void shouldMapTheExampleStepsIntoDeciderUnits() {
        RolloutPlan plan = RolloutPlan.from(example());

        assertThat(plan.steps()).extracting(CanaryStep::weight).containsExactly(5, 25, 75, 100);
        assertThat(plan.steps().get(0).duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.steps().get(0).criteria())
                .containsExactly(
                        CanaryStep.criterion("errorRate", Comparator.LESS, 0.005, Unit.PERCENT),
                        CanaryStep.criterion("p95Latency", Comparator.LESS, 400, Unit.MILLISECONDS));
        assertThat(plan.steps().get(0).criteria())
                .extracting(GateEvaluator::thresholds)
                .as("the thresholds as the spec writes them")
                .containsExactly("< 0.5%", "< 400ms");
        assertThat(plan.analysisInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.healthCheckInterval()).contains(Duration.ofSeconds(1));
        assertThat(plan.tick()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldMapTriggersWithRatiosMillisecondsAndSeverity() {
        List<TriggerRule> triggers = RolloutPlan.from(example()).triggers();

        assertThat(triggers.get(0))
                .isEqualTo(new TriggerRule(
                        "error-rate", "errorRate", Comparator.GREATER, 0.02, Duration.ofMinutes(2), Severity.CRITICAL));
        assertThat(triggers).anySatisfy(t -> {
            assertThat(t.metric()).isEqualTo("p95Latency");
            assertThat(t.threshold()).isEqualTo(1000);
        });
        assertThat(triggers).filteredOn(t -> t.severity() == Severity.WARNING).hasSize(3);
    }

    @Test
    void shouldMapBlueGreenHooksAndSmokeChecks() {
        RolloutPlan plan = RolloutPlan.from(example());

        assertThat(plan.deploy().orElseThrow().command()).containsExactly("./deploy.sh", "green");
        assertThat(plan.retire().orElseThrow().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.smokeChecks()).hasSize(1);
        assertThat(plan.watchWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.queries()).containsKey("errorRate");
    }

    @Test
    void shouldMapTheHaproxySection() {
        TrafficRouterSettings settings =
                TrafficRouterSettings.from(example().traffic().orElseThrow());

        assertThat(settings)
                .isEqualTo(new TrafficRouterSettings.Haproxy(
                        Path.of("/run/haproxy/admin.sock"),
                        null,
                        "app",
                        new io.releasepilot.core.traffic.SlotPools(
                                "blue", List.of("blue1", "blue2"), "green", List.of("green1", "green2")),
                        Duration.ofSeconds(2)));
    }

    @Test
    void shouldJudgeAnAnalysisMissingDataAsInconclusiveNeverPass() {
        List<Objective> criteria = List.of(CanaryStep.criterion("errorRate", Comparator.LESS, 0.01, Unit.PERCENT));

        assertThat(analysed(criteria, Map.of())).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysed(criteria, Map.of("errorRate", Double.NaN))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(analysed(criteria, Map.of("errorRate", 0.05))).isEqualTo(Verdict.FAIL);
        assertThat(analysed(criteria, Map.of("errorRate", 0.001))).isEqualTo(Verdict.PASS);
    }

    private static Verdict analysed(List<Objective> criteria, Map<String, Double> values) {
        return CanaryStep.analysis(criteria, List.of(Observation.of("prometheus", "http://prometheus", values)))
                .verdict();
    }
}
