package io.releasepilot.core.gate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Finding;
import io.releasepilot.core.gate.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitFindingsTest {

    @Test
    void shouldListFailingAndErroringCasesWithAPathGuessedFromTheClassname() {
        List<Finding> findings = new JunitGateSource(List.of(Fixtures.path("junit/surefire.xml"))).findings();

        assertThat(findings)
                .containsExactly(
                        new Finding(
                                "src/test/java/com/example/CartTest.java",
                                null,
                                "com.example.CartTest.shouldFailAlways",
                                "boom",
                                Finding.Level.ERROR),
                        new Finding(
                                "src/test/java/com/example/CartTest.java",
                                null,
                                "com.example.CartTest.shouldErrorOnRerun",
                                "npe",
                                Finding.Level.ERROR));
    }

    @Test
    void shouldPreferTheFileAndLineAttributes(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("pytest.xml");
        Files.writeString(report, """
                <testsuites><testsuite name="pytest">
                  <testcase classname="tests.test_cart" name="test_total" file="tests/test_cart.py" line="42">
                    <failure message="assert 3 == 4">trace</failure>
                  </testcase>
                  <testcase classname="com.acme.Outer$Inner" name="inner" line="x">
                    <error type="java.lang.IllegalStateException"/>
                  </testcase>
                  <testcase classname="tests.test_cart" name="test_ok" file="tests/test_cart.py" line="7"/>
                </testsuite></testsuites>
                """);

        List<Finding> findings = JunitGateSource.findings(report, 1_000_000);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0))
                .isEqualTo(new Finding(
                        "tests/test_cart.py", 42, "tests.test_cart.test_total", "assert 3 == 4", Finding.Level.ERROR));
        assertThat(findings.get(1).file()).isEqualTo("src/test/java/com/acme/Outer.java");
        assertThat(findings.get(1).line()).isNull();
        assertThat(findings.get(1).message()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void shouldReportASuiteThatErroredOutsideItsTestCasesUnderTheSuiteName() {
        List<Finding> findings = new JunitGateSource(List.of(Fixtures.path("junit/suite-error.xml"))).findings();

        assertThat(findings)
                .containsExactly(new Finding(
                        "src/test/java/com/acme/BrokenTest.java",
                        null,
                        "com.acme.BrokenTest",
                        "errored outside any test case (counted as one errored case): "
                                + "Could not initialize class com.acme.Fixture",
                        Finding.Level.ERROR));
    }

    @Test
    void shouldListSuiteProblemsBesideTheFailingCases() {
        List<Finding> findings = new JunitGateSource(List.of(Fixtures.path("junit/suite-failure.xml"))).findings();

        assertThat(findings)
                .extracting(Finding::title)
                .containsExactly("com.acme.CartTest.shouldRemove", "com.acme.OrderTest");
        assertThat(findings.get(1).message()).endsWith("org.opentest4j.AssertionFailedError");
    }

    @Test
    void shouldKeepTheXmlSafetyOfTheCounts(@TempDir Path dir) throws Exception {
        Path hostile = dir.resolve("xxe.xml");
        Files.writeString(hostile, """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <testsuite><testcase name="a" classname="A"><failure message="&xxe;"/></testcase></testsuite>
                """);

        assertThatThrownBy(() -> JunitGateSource.findings(hostile, 1_000_000))
                .isInstanceOf(InvalidInputException.class);
    }
}
