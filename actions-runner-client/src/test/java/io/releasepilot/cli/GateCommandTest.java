package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ReleasePilotCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path junit(Path dir, String name, int passed, int failed) throws Exception {
        StringBuilder xml = new StringBuilder("<testsuite name=\"s\">");
        for (int i = 0; i < passed; i++) {
            xml.append("<testcase name=\"ok").append(i).append("\"/>");
        }
        for (int i = 0; i < failed; i++) {
            xml.append("<testcase name=\"bad").append(i).append("\"><failure message=\"x\"/></testcase>");
        }
        Files.createDirectories(dir.resolve("reports"));
        return Files.writeString(
                dir.resolve("reports").resolve(name), xml.append("</testsuite>").toString());
    }

    private static Path jacoco(Path dir, int missed, int covered) throws Exception {
        return Files.writeString(
                dir.resolve("jacoco.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE report PUBLIC"
                        + " \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report name=\"r\">"
                        + "<counter type=\"INSTRUCTION\" missed=\"" + missed + "\" covered=\"" + covered + "\"/>"
                        + "<counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/>"
                        + "<counter type=\"LINE\" missed=\"" + missed + "\" covered=\"" + covered + "\"/></report>");
    }

    private static Path sarif(Path dir, String severity) throws Exception {
        return Files.writeString(
                dir.resolve("scan.sarif"),
                "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
                        + "{\"name\":\"t\",\"rules\":[{\"id\":\"r1\",\"properties\":{\"security-severity\":\""
                        + severity
                        + "\"}}]}},\"results\":[{\"ruleId\":\"r1\",\"level\":\"error\",\"message\":{\"text\":\"m\"}}]}]}");
    }

    @Test
    void shouldPassAndPrintTheDocumentedJson(@TempDir Path dir) throws Exception {
        junit(dir, "TEST-a.xml", 3, 0);
        junit(dir, "TEST-b.xml", 2, 0);

        Run run = run(
                "gate",
                "--junit",
                dir + "/reports/*.xml",
                "--jacoco",
                jacoco(dir, 5, 95).toString(),
                "--sarif",
                sarif(dir, "5.0").toString(),
                "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("verdict").asText()).isEqualTo("PASS");
        assertThat(json.path("score").asDouble()).isEqualTo(100);
        assertThat(json.path("tests").path("total").asInt()).isEqualTo(5);
        assertThat(json.path("tests").path("failures").asInt()).isZero();
        assertThat(json.path("coverage").path("line").asDouble()).isEqualTo(0.95);
        assertThat(json.path("coverage").path("branch").asDouble()).isEqualTo(0.5);
        assertThat(json.path("sarif").path("error").asInt()).isEqualTo(1);
        assertThat(json.path("sarif").path("highOrCritical").asInt()).isZero();
        assertThat(json.path("objectives")).hasSize(3);
    }

    @Test
    void shouldFailWithExitOneAndNullSectionsForInputsNotGiven(@TempDir Path dir) throws Exception {
        Run run = run("gate", "--junit", junit(dir, "TEST-a.xml", 3, 1).toString(), "--format", "json");

        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.path("coverage").isNull()).isTrue();
        assertThat(json.path("sarif").isNull()).isTrue();
        assertThat(json.path("objectives").get(0).path("explanation").asText()).contains("failed = 1");
    }

    @Test
    void shouldFailAndSayWhyWhenASuiteErroredOutsideItsTestCases(@TempDir Path dir) throws Exception {
        // Ant's <junit> (and others) when the test class cannot load: tests="1" errors="1" and no <testcase>.
        Path report = Files.writeString(dir.resolve("TEST-com.acme.BrokenTest.xml"), """
                <testsuite name="com.acme.BrokenTest" tests="1" errors="1" failures="0">
                  <error message="Could not initialize class com.acme.Fixture" type="java.lang.NoClassDefFoundError">
                    java.lang.NoClassDefFoundError: Could not initialize class com.acme.Fixture
                  </error>
                </testsuite>
                """);

        Run text = run("gate", "--junit", report.toString());
        Run json = run("gate", "--junit", report.toString(), "--format", "json");

        assertThat(text.exit()).as(text.err()).isEqualTo(1);
        assertThat(text.out())
                .startsWith("Quality gate: FAIL")
                .contains("failed = 1")
                .contains("1 suite errored outside any test case")
                .contains("com.acme.BrokenTest: Could not initialize class com.acme.Fixture")
                .doesNotContain("INCONCLUSIVE");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(tree.path("tests").path("total").asInt()).isEqualTo(1);
        assertThat(tree.path("tests").path("errors").asInt()).isEqualTo(1);
    }

    @Test
    void shouldFailOnLowCoverageOrAHighVulnerability(@TempDir Path dir) throws Exception {
        assertThat(run("gate", "--jacoco", jacoco(dir, 20, 80).toString()).exit())
                .isEqualTo(1);
        assertThat(run("gate", "--sarif", sarif(dir, "7.0").toString()).exit()).isEqualTo(1);
    }

    @Test
    void shouldExitTwoOnMalformedOrHostileInputWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path xxe = Files.writeString(
                dir.resolve("xxe.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]><testsuite><testcase name=\"&x;\"/></testsuite>");
        Path truncated = Files.writeString(dir.resolve("truncated.xml"), "<testsuite><testcase name=\"a\">");

        Run hostile = run("gate", "--junit", xxe.toString());
        Run broken = run("gate", "--junit", truncated.toString());
        Run missing = run("gate", "--jacoco", dir.resolve("nope.xml").toString());

        assertThat(hostile.exit()).isEqualTo(2);
        assertThat(hostile.err()).contains("xxe.xml").doesNotContain("root:x").doesNotContain("\tat ");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("truncated.xml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.xml");
    }

    @Test
    void shouldExitThreeWhenAGlobMatchesNothingSinceInconclusiveBlocks(@TempDir Path dir) {
        Run run = run("gate", "--junit", dir + "/reports/*.xml");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("INCONCLUSIVE").contains("no JUnit XML report file matched");
    }

    @Test
    void shouldExitTwoForAMissingSpecOrNoInputAtAll(@TempDir Path dir) {
        Run spec = run("gate", "--spec", dir.resolve("release-pilot.yml").toString());
        Run nothing = run("gate");

        assertThat(spec.exit()).isEqualTo(2);
        assertThat(spec.err()).contains("release-pilot.yml");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to evaluate");
    }

    @Test
    void shouldApplyTheSpecsObjectivesWeightsAndWarningThresholds(@TempDir Path dir) throws Exception {
        Path specFile = Files.writeString(dir.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  passPercent: 90
                  warningPercent: 50
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, weight: 2, key: true }
                    - { name: line-coverage, source: jacoco, metric: line, comparator: ">=", pass: 90%, warning: 70%, weight: 2 }
                """);
        Path junit = junit(dir, "TEST-ok.xml", 10, 0);
        Path jacoco = jacoco(dir, 20, 80);

        Run run = run(
                "gate",
                "--spec",
                specFile.toString(),
                "--junit",
                junit.toString(),
                "--jacoco",
                jacoco.toString(),
                "--format",
                "json");

        // tests PASS (2) + coverage 80 % is WARNING (1 of 2): score 75 %, between warning 50 and pass 90.
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"verdict\" : \"WARNING\"").contains("\"score\" : 75.0");
    }

    @Test
    void shouldSortReportsByContentAndUseTheWarningExitCode(@TempDir Path dir) throws Exception {
        Path specFile = Files.writeString(dir.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  warningPercent: 50
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, weight: 2, key: true }
                    - { name: line-coverage, source: jacoco, metric: line, comparator: ">=", pass: 90%, warning: 70%, weight: 2 }
                """);
        junit(dir, "TEST-ok.xml", 10, 0);
        jacoco(dir, 20, 80);

        Run run = run(
                "gate",
                "--spec",
                specFile.toString(),
                "--report",
                dir + "/reports/*.xml",
                "--report",
                dir.resolve("jacoco.xml").toString(),
                "--warning-exit-code",
                "4");

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        assertThat(run.out()).contains("WARNING");
    }

    @Test
    void shouldReportEveryProblemOfABadSpecWithExitTwo(@TempDir Path dir) throws Exception {
        Path specFile = Files.writeString(dir.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  passPrecent: 90
                  objectives:
                    - { name: tests, source: junitt, metric: failed, comparator: "<=", pass: 0 }
                """);

        Run run = run("gate", "--spec", specFile.toString(), "--junit", "*.xml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("release-pilot.yml:3:").contains("release-pilot.yml:5:");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void shouldWriteMarkdownToTheOutputFile(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out/summary.md");

        Run run = run(
                "gate",
                "--junit",
                junit(dir, "TEST-a.xml", 2, 0).toString(),
                "--format",
                "markdown",
                "--output",
                output.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PASS").contains("summary.md");
        assertThat(Files.readString(output)).contains("| Result | Objective |").contains("tests (key)");
    }
}
