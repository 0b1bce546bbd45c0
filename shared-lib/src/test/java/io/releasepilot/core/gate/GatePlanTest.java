package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.spec.Validated;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatePlanTest {

    @Test
    void shouldApplyOnlyTheSeedGatesWhoseReportsWereGiven() {
        GatePlan plan = GatePlan.seed(Map.of("junit", List.of(Fixtures.path("junit/surefire.xml"))));

        assertThat(plan.objectives()).extracting(Objective::name).containsExactly("tests");
        assertThat(plan.sources()).extracting(GateSource::type).containsExactly("junit");
        assertThat(plan.policy()).isEqualTo(GatesPolicy.defaults());
    }

    @Test
    void shouldFailTheSeedGateOnAReportWithFailedTests() {
        GatePlan.GateRun run = GatePlan.seed(Map.of("junit", List.of(Fixtures.path("junit/surefire.xml"))))
                .run();

        assertThat(run.verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.verdict().results()).singleElement().satisfies(result -> {
            assertThat(result.objective().name()).isEqualTo("tests");
            assertThat(result.value()).hasValue(2);
        });
        assertThat(run.observations()).extracting(Observation::source).containsExactly("junit");
        assertThat(run.report().verdict()).isEqualTo(run.verdict());
    }

    @Test
    void shouldMapEveryObjectiveOfTheSpecOntoAnObjectiveAndTheSourceThatFeedsIt() {
        ReleaseSpec spec = spec("""
                service: checkout
                metrics:
                  prometheus:
                    url: http://127.0.0.1:9/
                    queries:
                      errorRate: sum(rate(errors[1m]))
                gates:
                  passPercent: 90
                  warningPercent: 75
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                    - { name: line-coverage, source: jacoco, metric: line, comparator: ">=", pass: 80%, warning: 70% }
                    - { name: error-rate, source: prometheus, query: errorRate, comparator: "<", pass: 1% }
                    - { name: health, source: probe, url: "http://127.0.0.1:9/healthz", failures: 3, timeout: 1s }
                """);

        GatePlan plan = GatePlan.from(
                spec,
                new GatePlan.Inputs(
                        Map.of(
                                "junit", List.of(Fixtures.path("junit/surefire.xml")),
                                "jacoco", List.of(Fixtures.path("jacoco/jacoco.xml"))),
                        "2.0.0",
                        Map.of(),
                        Optional.empty()));

        assertThat(plan.objectives())
                .extracting(Objective::name, Objective::source, Objective::metric)
                .containsExactly(
                        tuple("tests", "junit", "failed"),
                        tuple("line-coverage", "jacoco", "line"),
                        tuple("error-rate", "prometheus", "errorRate"),
                        tuple("health", "probe", "health"));
        assertThat(plan.objectives().get(0).key()).isTrue();
        assertThat(plan.objectives().get(1).pass()).isEqualTo(0.80);
        assertThat(plan.objectives().get(1).warning()).hasValue(0.70);
        assertThat(plan.objectives().get(3).pass()).isEqualTo(3);
        assertThat(plan.sources())
                .extracting(GateSource::type)
                .containsExactly("junit", "jacoco", "probe", "prometheus");
        assertThat(plan.policy().passPercent()).isEqualTo(90);
        assertThat(plan.policy().warningPercent()).isEqualTo(75);
    }

    @Test
    void shouldBeInconclusiveNotPassWhenThePrometheusOfAQueryIsNotConfigured() {
        ReleaseSpec spec = spec("""
                service: checkout
                gates:
                  objectives:
                    - { name: error-rate, source: prometheus, query: errorRate, comparator: "<", pass: 1% }
                """);

        GatePlan.GateRun run = GatePlan.from(spec, new GatePlan.Inputs(Map.of(), "2.0.0", Map.of(), Optional.empty()))
                .run();

        assertThat(run.verdict().verdict()).isNotEqualTo(Verdict.PASS);
        assertThat(run.verdict().results()).singleElement().satisfies(result -> {
            assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(result.value()).isEmpty();
        });
        assertThat(run.observations())
                .singleElement()
                .satisfies(observation -> assertThat(observation.unavailable())
                        .hasValueSatisfying(
                                reason -> assertThat(reason).contains("metrics.prometheus.url is not set")));
    }

    @Test
    void shouldBeInconclusiveNotPassWhenARegressionHasNoBaseline() {
        ReleaseSpec spec = spec("""
                service: checkout
                gates:
                  objectives:
                    - { name: p95-regression, source: regression, query: p95Latency, baseline: ledger, maxRegression: 10% }
                """);

        GatePlan plan = GatePlan.from(spec, new GatePlan.Inputs(Map.of(), "2.0.0", Map.of(), Optional.empty()));
        GatePlan.GateRun run = plan.run();

        assertThat(plan.objectives()).singleElement().satisfies(objective -> {
            assertThat(objective.source()).isEqualTo("regression");
            assertThat(objective.pass()).isEqualTo(0.10);
        });
        assertThat(run.verdict().results())
                .singleElement()
                .satisfies(result -> assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
    }

    private static ReleaseSpec spec(String yaml) {
        Validated<ReleaseSpec> read = SpecReader.read("release-pilot.yml", yaml);
        assertThat(read.problems()).isEmpty();
        return read.value();
    }
}
