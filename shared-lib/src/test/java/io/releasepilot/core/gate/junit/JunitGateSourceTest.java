package io.releasepilot.core.gate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Fixtures;
import io.releasepilot.core.gate.GatePlan;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import io.releasepilot.core.gate.GateVerdict;
import io.releasepilot.core.gate.Observation;
import io.releasepilot.core.gate.XmlReportInput;
import io.releasepilot.core.release.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        "suite-error.xml, 1, 0, 1, 0, 0",
        "suite-failure.xml, 4, 1, 1, 0, 0",
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
    void shouldCountASuiteThatErroredOutsideItsTestCasesAsOneErroredCaseAndSayWhy() {
        Observation observation = new JunitGateSource(List.of(Fixtures.path("junit/suite-error.xml"))).observe();

        assertThat(observation.unavailable()).isEmpty();
        assertThat(observation.value("total")).hasValue(1);
        assertThat(observation.value("errors")).hasValue(1);
        assertThat(observation.value("failed")).hasValue(1);
        assertThat(observation.value("passRate")).hasValue(0);
        assertThat(observation.notes())
                .singleElement()
                .asString()
                .contains("1 suite errored outside any test case")
                .contains("com.acme.BrokenTest: Could not initialize class com.acme.Fixture");
    }

    @Test
    void shouldFailTheSeedGateOnASuiteThatCouldNotLoadAndExplainWhy() {
        GateVerdict verdict = GatePlan.seed(
                        Map.of(JunitGateSource.TYPE, List.of(Fixtures.path("junit/suite-error.xml"))))
                .run()
                .verdict();

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(verdict.results())
                .anySatisfy(result -> assertThat(result.explanation())
                        .contains("failed = 1")
                        .contains("com.acme.BrokenTest: Could not initialize class com.acme.Fixture"));
    }

    @Test
    void shouldNameSuiteProblemsByPackageAndNameBesideOrdinaryCases() {
        Observation observation = new JunitGateSource(List.of(Fixtures.path("junit/suite-failure.xml"))).observe();

        assertThat(observation.notes())
                .singleElement()
                .asString()
                .contains("com.acme.OrderTest: org.opentest4j.AssertionFailedError")
                .doesNotContain("CartTest");
    }

    @Test
    void shouldAddNoNoteWhenEveryProblemIsInATestCase() {
        Observation observation = new JunitGateSource(List.of(Fixtures.path("junit/surefire.xml"))).observe();

        assertThat(observation.notes()).isEmpty();
    }

    @Test
    void shouldNameAtMostThreeBrokenSuitesInTheNote(@TempDir Path dir) throws Exception {
        StringBuilder xml = new StringBuilder("<testsuites>");
        for (int i = 1; i <= 5; i++) {
            xml.append("<testsuite name=\"com.acme.Broken")
                    .append(i)
                    .append("Test\">")
                    .append("<error message=\"cannot load ")
                    .append(i)
                    .append("\"/></testsuite>");
        }
        Path report = Files.writeString(
                dir.resolve("TEST-broken.xml"), xml.append("</testsuites>").toString());

        Observation observation = new JunitGateSource(List.of(report)).observe();

        assertThat(observation.value("errors")).hasValue(5);
        assertThat(observation.notes())
                .singleElement()
                .asString()
                .startsWith("5 suites errored")
                .contains("com.acme.Broken3Test: cannot load 3")
                .doesNotContain("Broken4Test")
                .endsWith("; and 2 more");
    }

    @Test
    void shouldRejectAReportOfAnotherKind() {
        assertThatThrownBy(() -> JunitGateSource.parse(Fixtures.path("jacoco/jacoco.xml"), 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("root element is <report>");
    }
}
