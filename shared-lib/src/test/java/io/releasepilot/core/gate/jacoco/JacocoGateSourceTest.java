package io.releasepilot.core.gate.jacoco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.releasepilot.core.gate.Fixtures;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class JacocoGateSourceTest extends GateSourceContractTest {

    @Override
    protected GateSource createSource() {
        return new JacocoGateSource(List.of(Fixtures.path("jacoco/jacoco.xml")));
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        return new JacocoGateSource(List.of());
    }

    @Override
    protected String knownMetric() {
        return "line";
    }

    @Test
    void shouldReadOverallAndPerPackageCoverageWithoutFetchingTheDtd() {
        Observation observation = createSource().observe();

        assertThat(observation.value("line")).hasValue(0.8);
        assertThat(observation.value("branch")).hasValue(0.6);
        assertThat(observation.value("instruction")).hasValue(0.8);
        assertThat(observation.value("method")).hasValue(0.8);
        assertThat(observation.value("class").getAsDouble()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(observation.value("line@com/example/cart")).hasValue(0.9);
        assertThat(observation.value("line@com/example/pay")).hasValue(0.7);
    }

    @Test
    void shouldReadGroupedReportsAndAddUpFiles() {
        JacocoCoverage grouped = JacocoGateSource.parse(Fixtures.path("jacoco/jacoco-groups.xml"), 1_000_000);
        Observation both = new JacocoGateSource(
                        List.of(Fixtures.path("jacoco/jacoco.xml"), Fixtures.path("jacoco/jacoco-groups.xml")))
                .observe();

        assertThat(JacocoGateSource.values(grouped))
                .containsEntry("line", 0.99)
                .containsEntry("line@com/example/a", 0.99);
        assertThat(both.value("line")).hasValue(179 / 200.0);
    }
}
