package io.releasepilot.core.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.Objective;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionGateSourceTest extends GateSourceContractTest {

    private static GateSource current(double p95) {
        return new GateSource() {
            @Override
            public String type() {
                return "prometheus";
            }

            @Override
            public Observation observe() {
                return Observation.of("prometheus", "http://prometheus", Map.of("p95Latency", p95));
            }
        };
    }

    private static BaselineSource baseline(OptionalDouble value) {
        return new BaselineSource() {
            @Override
            public OptionalDouble baseline(String metric) {
                return value;
            }

            @Override
            public String origin() {
                return "ledger: release 1.4.2";
            }
        };
    }

    @Override
    protected GateSource createSource() {
        return new RegressionGateSource(
                "p95-regression", "p95Latency", current(330), baseline(OptionalDouble.of(300)), true);
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        return new RegressionGateSource(
                "p95-regression", "p95Latency", current(330), baseline(OptionalDouble.empty()), true);
    }

    @Override
    protected String knownMetric() {
        return "p95-regression";
    }

    @Test
    void shouldMeasureTheRegressionAgainstTheBaseline() {
        Observation observation = createSource().observe();
        Objective lessThanTenPercent =
                Objective.of("p95-regression", "regression", "p95-regression", Comparator.LESS, 0.10);

        assertThat(observation.value("p95-regression").getAsDouble()).isCloseTo(0.10, within(1e-9));
        assertThat(GateEvaluator.evaluate(lessThanTenPercent, List.of(observation))
                        .verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(observation.origin()).contains("ledger: release 1.4.2");
    }

    @Test
    void shouldReadTheBaselineFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), "{\"p95Latency\": 400}");

        Observation observation =
                new RegressionGateSource("r", "p95Latency", current(360), new FileBaselineSource(file), true).observe();

        assertThat(observation.value("r").getAsDouble()).isCloseTo(-0.10, within(1e-9));
        assertThat(observation.value("r.baseline")).hasValue(400);
    }
}
