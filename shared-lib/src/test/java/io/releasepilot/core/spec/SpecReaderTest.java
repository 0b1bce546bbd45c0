package io.releasepilot.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Comparator;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecReaderTest {
    static final Path EXAMPLE = Path.of("../docs/release-pilot.example.yml");

    static List<BadSpecs.Case> badSpecs() {
        return BadSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldReportTheProblemWhereItIs(BadSpecs.Case bad) {
        Validated<ReleaseSpec> result = SpecReader.read("bad.yml", bad.content());

        assertThat(result.isValid()).isFalse();
        Problem first = result.problems().get(0);
        assertThat(first.line()).as(first.render()).isEqualTo(bad.line());
        assertThat(first.column()).as(first.render()).isEqualTo(bad.column());
        assertThat(first.path()).as(first.render()).contains(bad.path());
        assertThat(first.message() + " " + first.hint()).contains(bad.message());
        assertThat(first.render()).startsWith("bad.yml:" + bad.line() + ":" + bad.column() + ": ");
        assertThat(result.problems())
                .allSatisfy(
                        p -> assertThat(p.render()).doesNotContain("Exception").doesNotContain("\tat "));
    }

    @Test
    void shouldPointAWarningAtTheKeyItConcerns(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("release-pilot.yml"), """
                version: 1
                service: shop
                strategy:
                  canary:
                    steps:
                      - { weight: 100%, duration: 0s }
                """);

        Problem warning = SpecReader.warning(file, "strategy.canary.steps", "the canary has no signal", "add criteria");

        assertThat(warning.render())
                .isEqualTo(file + ":5:5: strategy.canary.steps: WARNING: the canary has no signal (add criteria)");
    }

    @Test
    void shouldPointAWarningAtTheNearestKeyTheFileWrites(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("release-pilot.yml"), "version: 1\nservice: shop\nstrategy:\n" + "  type: blue-green\n");
        Path bare = Files.writeString(dir.resolve("bare.yml"), "version: 1\nservice: shop\n");

        Problem warning = SpecReader.warning(file, "strategy.blueGreen.watchWindow", "watching blind", "");
        Problem atTheTop = SpecReader.warning(bare, "strategy.blueGreen.watchWindow", "watching blind", "");

        assertThat(warning.line()).isEqualTo(3);
        assertThat(warning.column()).isEqualTo(1);
        assertThat(warning.path()).isEqualTo("strategy.blueGreen.watchWindow");
        assertThat(atTheTop.render()).startsWith(bare + ":1:1: strategy.blueGreen.watchWindow: WARNING: ");
    }

    @Test
    void shouldHaveAtLeastThirtyBadSpecs() {
        assertThat(BadSpecs.all()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldAcceptTheExample() {
        Validated<ReleaseSpec> result = SpecReader.read(EXAMPLE);

        assertThat(result.problems()).isEmpty();
        ReleaseSpec spec = result.value();
        assertThat(spec.service()).isEqualTo("checkout");
        assertThat(spec.strategy().type()).isEqualTo(ReleaseStrategy.CANARY);
        assertThat(spec.traffic()).get().extracting(TrafficSpec::router).isEqualTo(RouterType.HAPROXY);
        assertThat(spec.strategy().canary().steps())
                .extracting(s -> s.weight().value())
                .containsExactly(5.0, 25.0, 75.0, 100.0);
        assertThat(spec.rollback().triggers()).hasSize(8);
        assertThat(spec.gates().objectives())
                .extracting(ObjectiveSpec::source)
                .contains(ObjectiveSource.PROBE, ObjectiveSource.REGRESSION);
        assertThat(spec.environment("production"))
                .get()
                .extracting(EnvironmentSpec::requiredApprovals)
                .isEqualTo(1);
    }

    @Test
    void shouldMatchTheDefaultsWhereTheExampleRepeatsThem() {
        ReleaseSpec example = SpecReader.read(EXAMPLE).value();

        assertThat(example.strategy().canary().steps()).isEqualTo(SpecDefaults.canarySteps());
        assertThat(example.rollback().triggers()).isEqualTo(SpecDefaults.rollbackTriggers());
        assertThat(example.metrics().prometheus().orElseThrow().queries()).isEqualTo(SpecDefaults.queries("checkout"));
    }

    @Test
    void shouldFillEveryOmittedValueFromTheDefaults() {
        ReleaseSpec spec = SpecReader.read("min.yml", "service: checkout\n").value();

        assertThat(spec).isEqualTo(ReleaseSpec.defaults("checkout"));
        assertThat(spec.strategy().canary().steps())
                .extracting(s -> s.weight().value())
                .containsExactly(5.0, 25.0, 75.0, 100.0);
        assertThat(spec.strategy().canary().steps())
                .extracting(CanaryStepSpec::duration)
                .containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ZERO);
        assertThat(spec.strategy().canary().steps().get(0).criteria())
                .containsExactly(
                        new CriterionSpec("errorRate", Comparator.LESS, Quantity.percent(0.5)),
                        new CriterionSpec("p95Latency", Comparator.LESS, Quantity.millis(400)));
        assertThat(spec.gates().passPercent()).isEqualTo(90);
        assertThat(spec.gates().warningPercent()).isEqualTo(75);
        JudgeSpec judge = spec.strategy().canary().judge();
        assertThat(judge.confidence()).isEqualTo(Percent.of(98));
        assertThat(judge.effectSize()).isEqualTo(Percent.of(25));
        assertThat(judge.passScore()).isEqualTo(95);
        assertThat(judge.marginalScore()).isEqualTo(75);
        assertThat(judge.outlierIqrFactor()).isEqualTo(3);
        assertThat(spec.traffic()).isEmpty();
    }

    @Test
    void shouldFillOmittedValuesInsideAGivenSection() {
        String yaml = "service: checkout\n" + BadSpecs.ROUTER
                + "strategy:\n  canary:\n    steps:\n      - { weight: 50%, duration: 5m }\n      - { weight: 100% }\n"
                + "rollback:\n  triggers:\n    - { name: e, metric: errorRate, comparator: \">\", threshold: 3% }\n";

        ReleaseSpec spec = SpecReader.read("partial.yml", yaml).value();

        assertThat(spec.strategy().canary().analysisInterval()).isEqualTo(SpecDefaults.ANALYSIS_INTERVAL);
        assertThat(spec.strategy().canary().steps().get(1).duration()).isZero();
        TriggerSpec trigger = spec.rollback().triggers().get(0);
        assertThat(trigger.forDuration()).isZero();
        assertThat(trigger.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(trigger.threshold().asNumber()).isEqualTo(0.03);
        assertThat(spec.traffic().orElseThrow().command().orElseThrow().timeout())
                .isEqualTo(SpecDefaults.COMMAND_ROUTER_TIMEOUT);
    }

    @Test
    void shouldReportEveryProblemAtOnceInFileOrder() {
        String yaml = "service: checkout\nservce: x\ngates:\n  passPercent: 200\nrollback:\n  onAbort: rollbak\n";

        List<Problem> problems = SpecReader.read("many.yml", yaml).problems();

        assertThat(problems).extracting(Problem::line).containsExactly(2, 4, 6);
        assertThat(problems.get(0).hint()).isEqualTo("did you mean 'service'?");
        assertThat(problems.get(1).message()).contains("between 0 and 100");
        assertThat(problems.get(2).hint()).isEqualTo("did you mean 'rollback'?");
    }

    @Test
    void shouldRejectAtValidationWhatARolloutCouldNotRun() {
        String equal = "service: checkout\n" + BadSpecs.ROUTER + "strategy:\n  canary:\n    steps:\n"
                + "      - { weight: 0.5%, duration: 5m, criteria: { errorRate: \"== 0\" } }\n"
                + "      - { weight: 100% }\n";

        List<String> problems = SpecReader.read("r.yml", equal).problems().stream()
                .map(Problem::render)
                .collect(Collectors.toList());

        assertThat(problems)
                .containsExactly(
                        "r.yml:9:19: strategy.canary.steps[0].weight: weight 0.5% is not a whole percent"
                                + " (routers split traffic in whole percents: write 1%)",
                        "r.yml:9:62: strategy.canary.steps[0].criteria.errorRate: comparator '==' does not apply to a"
                                + " metric threshold (a metric threshold takes <, <=, > or >=, e.g. \"<= 0\")");
    }

    @Test
    void shouldKeepEqualityForGateObjectives() {
        String yaml = "service: checkout\ngates:\n  objectives:\n"
                + "    - { name: t, source: junit, metric: failed, comparator: \"==\", pass: 0 }\n";

        Validated<ReleaseSpec> result = SpecReader.read("g.yml", yaml);

        assertThat(result.problems()).isEmpty();
        assertThat(result.value().gates().objectives().get(0).comparator()).contains(Comparator.EQUAL);
    }

    @Test
    void shouldSuggestTheClosestKnownName() {
        assertThat(Hints.suggestion("analysisIntervall", SpecKeys.keys("strategy.canary")))
                .isEqualTo("did you mean 'analysisInterval'?");
        assertThat(Hints.suggestion("TYPE", SpecKeys.keys("strategy"))).isEqualTo("did you mean 'type'?");
        assertThat(Hints.suggestion("somethingElse", SpecKeys.keys("strategy"))).isEmpty();
    }

    @Test
    void shouldListKnownKeysWhenNothingIsClose() {
        Problem problem = SpecReader.read("x.yml", "service: checkout\nzzz: 1\n")
                .problems()
                .get(0);

        assertThat(problem.hint()).startsWith("known keys here: version, service");
    }

    @Test
    void shouldRenderFileLineColumnPathMessageAndHint() {
        assertThat(new Problem("a.yml", 3, 7, "gates.passPercent", "too high", "at most 100").render())
                .isEqualTo("a.yml:3:7: gates.passPercent: too high (at most 100)");
        assertThat(new Problem("a.yml", 0, 0, "", "no such file", "").render()).isEqualTo("a.yml: no such file");
    }

    @Test
    void shouldReportAMissingFileWithoutThrowing(@TempDir Path dir) {
        Validated<ReleaseSpec> result = SpecReader.read(dir.resolve("nope.yml"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems().get(0).render()).contains("nope.yml: no such file");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldRejectAHugeFileBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yml");
        Files.write(
                big,
                BadSpecs.all().stream()
                        .filter(c -> c.name().equals("10 MB file"))
                        .findFirst()
                        .orElseThrow()
                        .content());

        assertThat(SpecReader.read(big).problems().get(0).message()).contains("10.0 MiB");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldCapTheProblemsOfAFileFullOfMistakes() {
        String yaml = "service: checkout\nenvironments:\n" + "  - x\n".repeat(5000);

        List<Problem> problems = SpecReader.read("many.yml", yaml).problems();

        assertThat(problems).hasSize(SpecReader.MAX_PROBLEMS + 1);
        assertThat(problems.get(SpecReader.MAX_PROBLEMS).message()).matches("and \\d+ more problem\\(s\\)");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldStopAtAHugeNumberOfValuesWithoutAliases() {
        String yaml = "service: checkout\nenvironments:\n" + "  - x\n".repeat(170_000);

        List<Problem> problems = SpecReader.read("huge.yml", yaml).problems();

        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("more than 100000 values; a spec has a few hundred"));
    }

    @Test
    void shouldAcceptAnchorsAndAliasesWithinLimits() {
        String yaml = "service: checkout\n" + BadSpecs.ROUTER + "strategy:\n  canary:\n    steps:\n"
                + "      - { weight: 50%, duration: 5m, criteria: &c { errorRate: \"< 1%\" } }\n"
                + "      - { weight: 100%, duration: 0s, criteria: *c }\n";

        ReleaseSpec spec = SpecReader.read("alias.yml", yaml).value();

        assertThat(spec.strategy().canary().steps().get(1).criteria()).hasSize(1);
    }

    @Test
    void shouldNotEchoASecretWrittenWhereAVariableNameBelongs() {
        String yaml = "service: checkout\nstate:\n  database:\n    passwordEnv: \"s3cr3t-Passw0rd!\"\n";

        String rendered = SpecReader.read("s.yml", yaml).problems().stream()
                .map(Problem::render)
                .collect(Collectors.joining());

        assertThat(rendered).contains("not an environment variable name").doesNotContain("s3cr3t-Passw0rd!");
    }

    @Test
    void shouldHashTheFileBytesStably(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(EXAMPLE);
        Path copy = Files.write(dir.resolve("copy.yml"), bytes);

        assertThat(SpecReader.specHash(bytes)).hasSize(64).matches("[0-9a-f]+").isEqualTo(SpecReader.specHash(copy));
        assertThat(SpecReader.specHash("service: a\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SpecReader.specHash("service: a\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(SpecReader.specHash("service: b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(SpecReader.specHash(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void shouldHashTheSameBytesItReadTheSpecFrom() throws IOException {
        byte[] bytes = Files.readAllBytes(EXAMPLE);

        SpecFile file = SpecReader.readFile(EXAMPLE).value();

        assertThat(file.hash()).isEqualTo(SpecReader.specHash(bytes));
        assertThat(file.spec()).isEqualTo(SpecReader.read(EXAMPLE).value());
        assertThat(SpecReader.readFile("x.yml", "servce: a\n".getBytes(StandardCharsets.UTF_8))
                        .problems())
                .isNotEmpty();
    }

    @Test
    void shouldThrowInvalidInputWithEveryProblemWhenAnInvalidValueIsTaken() {
        Validated<ReleaseSpec> result = SpecReader.read("x.yml", "servce: a\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(result::value)
                .isInstanceOf(io.releasepilot.core.InvalidInputException.class)
                .hasMessageContaining("x.yml:1:1: servce: unknown key");
    }
}
