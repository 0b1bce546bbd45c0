package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalCheckTest {
    private static final String STEPS_WITHOUT_CRITERIA = """
              canary:
                steps:
                  - { weight: 50%, duration: 1m }
                  - { weight: 100%, duration: 0s }
                judge: { enabled: false }
            """;
    private static final String ROUTER = """
            traffic:
              router: command
              command: { run: ["./route.sh"] }
            """;
    private static final String PROMETHEUS = """
            metrics:
              prometheus: { url: "http://127.0.0.1:9090" }
            """;
    private static final String HEALTH_CHECK = """
            metrics:
              healthCheck: { url: "http://127.0.0.1:8080/healthz" }
            """;

    private static ReleaseSpec spec(String type, String strategy, String rest) {
        return SpecReader.read(
                        "release-pilot.yml",
                        "version: 1\nservice: shop\nenvironments: [{ name: staging }]\nstrategy:\n  type: " + type
                                + "\n" + strategy + ROUTER + rest)
                .value();
    }

    @Test
    void shouldFindACanaryWithoutCriteriaAndWithoutAnyMetricsSourceBlind() {
        ReleaseSpec spec = spec("canary", STEPS_WITHOUT_CRITERIA, "");

        assertThat(SignalCheck.canary(spec)).hasValueSatisfying(blind -> {
            assertThat(blind.path()).isEqualTo("strategy.canary.steps");
            assertThat(blind.tag()).isEqualTo("PROMOTING BLIND (no signal)");
            assertThat(blind.reason())
                    .startsWith("the canary has no signal: no step has criteria")
                    .contains("metrics.prometheus and metrics.healthCheck are not configured")
                    .contains("the judge compares no metrics")
                    .contains("succeed without looking at any data");
            assertThat(blind.hint()).contains("add criteria", "metrics.prometheus");
        });
        assertThat(SignalCheck.of(spec)).isEqualTo(SignalCheck.canary(spec));
    }

    @Test
    void shouldSeeNoSignalInTheSamePlanTheEngineRuns() {
        ReleaseSpec spec = spec("canary", STEPS_WITHOUT_CRITERIA, "");

        assertThat(SignalCheck.canary(RolloutPlan.from(spec))).isEqualTo(SignalCheck.canary(spec));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // what gives the canary a signal | the spec's remainder
                "criteria without a source pause the canary instead | CRITERIA",
                "Prometheus feeds the default error-rate trigger | PROMETHEUS",
                "a health check feeds the default health trigger | HEALTH",
            })
    void shouldFindASignalWhenSomethingCanHoldOrRollBackTheCanary(String why, String what) {
        String strategy = what.equals("CRITERIA") ? """
                  canary:
                    steps:
                      - { weight: 50%, duration: 1m, criteria: { errorRate: "< 1%" } }
                      - { weight: 100%, duration: 0s }
                """ : STEPS_WITHOUT_CRITERIA;
        String rest = switch (what) {
            case "PROMETHEUS" -> PROMETHEUS;
            case "HEALTH" -> HEALTH_CHECK;
            default -> "";
        };
        ReleaseSpec spec = spec("canary", strategy, rest);

        assertThat(SignalCheck.canary(spec)).as(why).isEmpty();
        assertThat(SignalCheck.canary(RolloutPlan.from(spec))).as(why).isEmpty();
    }

    @Test
    void shouldCountOnlyCriticalTriggersSinceWarningsCannotRollBack() {
        ReleaseSpec spec = spec("canary", STEPS_WITHOUT_CRITERIA, HEALTH_CHECK + """
                rollback:
                  triggers:
                    - { name: health, metric: healthCheckFailures, comparator: ">=", threshold: 1, severity: warning }
                """);

        assertThat(SignalCheck.canary(spec))
                .hasValueSatisfying(
                        blind -> assertThat(blind.reason()).contains("there is no critical rollback trigger"));
    }

    @Test
    void shouldNameOnlyTheMissingSourceOfTheTriggers() {
        ReleaseSpec spec = spec("canary", STEPS_WITHOUT_CRITERIA, HEALTH_CHECK + """
                rollback:
                  triggers:
                    - { name: errors, metric: errorRate, comparator: ">", threshold: 2%, severity: critical }
                """);

        assertThat(SignalCheck.canary(spec))
                .hasValueSatisfying(blind -> assertThat(blind.reason())
                        .contains("the critical rollback trigger has a data source (metrics.prometheus is not"
                                + " configured)"));
    }

    @Test
    void shouldCountTheJudgeOnlyWithPrometheusToQuery() {
        String judged = """
                  canary:
                    steps:
                      - { weight: 50%, duration: 1m }
                      - { weight: 100%, duration: 0s }
                    judge:
                      enabled: true
                      metrics: [{ name: latency, query: "rate(x[1m])", direction: increase }]
                """;
        String noTriggers = "rollback: { triggers: [] }\n";

        assertThat(SignalCheck.canary(spec("canary", judged, noTriggers)))
                .hasValueSatisfying(
                        blind -> assertThat(blind.reason()).contains("the judge has no Prometheus to query"));
        assertThat(SignalCheck.canary(spec("canary", judged, PROMETHEUS + noTriggers)))
                .isEmpty();
    }

    @Test
    void shouldFindABlueGreenWatchWindowWithoutATriggerSourceBlind() {
        ReleaseSpec blind = spec("blue-green", "", "");
        ReleaseSpec watched = spec("blue-green", "", HEALTH_CHECK);

        assertThat(SignalCheck.of(blind)).hasValueSatisfying(noSignal -> {
            assertThat(noSignal.path()).isEqualTo("strategy.blueGreen.watchWindow");
            assertThat(noSignal.tag()).isEqualTo("WATCHING BLIND (no signal)");
            assertThat(noSignal.reason()).startsWith("the blue-green watch window has no signal");
        });
        assertThat(SignalCheck.watchWindow(RolloutPlan.from(blind))).isEqualTo(SignalCheck.watchWindow(blind));
        assertThat(SignalCheck.of(watched)).isEmpty();
        assertThat(SignalCheck.watchWindow(RolloutPlan.from(watched))).isEmpty();
    }
}
