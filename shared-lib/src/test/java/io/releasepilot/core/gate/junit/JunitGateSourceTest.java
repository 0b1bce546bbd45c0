package io.releasepilot.core.gate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Fixtures;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.XmlReportInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JunitGateSourceTest extends GateSourceContractTest {

    @Override
    protected GateSource createSource() {
        return new JunitGateSource(List.of(Fixtures.path("junit/surefire.xml")));
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        return new JunitGateSource(List.of());
    }

    @Override
    protected String knownMetric() {
        return "failed";
    }

    @ParameterizedTest
    @CsvSource({
        // file, total, failures, errors, skipped, flaky
        "surefire.xml, 6, 1, 1, 1, 1",
        "gradle.xml, 4, 1, 0, 1, 0",
        "pytest.xml, 5, 1, 1, 2, 0",
        "jest-junit.xml, 3, 1, 0, 0, 0",
        "go-junit-report.xml, 4, 0, 0, 1, 0",
        "nested.xml, 4, 0, 1, 1, 0",
    })
    void shouldCountTheTestCasesOfEachDialect(
            String file, long total, long failures, long errors, long skipped, long flaky) {
        JunitTotals totals = JunitGateSource.parse(Fixtures.path("junit/" + file), XmlReportInput.DEFAULT_MAX_BYTES);

        assertThat(totals).isEqualTo(new JunitTotals(total, failures, errors, skipped, flaky));
    }

    @Test
    void shouldAddUpSeveralFiles() {
        Observation observation = new JunitGateSource(
                        List.of(Fixtures.path("junit/gradle.xml"), Fixtures.path("junit/jest-junit.xml")))
                .observe();

        assertThat(observation.value("total")).hasValue(7);
        assertThat(observation.value("failed")).hasValue(2);
        assertThat(observation.value("passed")).hasValue(4);
        assertThat(observation.origin()).contains("gradle.xml").contains("jest-junit.xml");
    }

    @Test
    void shouldBeUnavailableWhenTheReportsHaveNoTestCases() {
        Observation observation = new JunitGateSource(List.of(Fixtures.path("junit/empty-suite.xml"))).observe();

        assertThat(observation.unavailable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no test"));
    }

    @Test
    void shouldRejectAReportOfAnotherKind() {
        assertThatThrownBy(() -> JunitGateSource.parse(Fixtures.path("jacoco/jacoco.xml"), 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("root element is <report>");
    }
}
