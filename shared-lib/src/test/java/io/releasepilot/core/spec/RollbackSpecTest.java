package io.releasepilot.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rollback.onMissingData} and deviation triggers as the reader binds them. */
class RollbackSpecTest {
    private static final String PROMETHEUS = """
            service: shop
            metrics:
              prometheus:
                url: http://127.0.0.1:9090
                queries:
                  checkoutRate: "sum(rate(checkouts_total[5m])) / sum(rate(http_requests_total[5m]))"
            """;

    @Test
    void shouldPauseOnMissingDataByDefault() {
        ReleaseSpec spec = SpecReader.read("min.yml", "service: shop\n").value();

        assertThat(spec.rollback().onMissingData()).isEqualTo(MissingDataAction.PAUSE);
        assertThat(spec.rollback().deviations()).isEmpty();
    }

    @Test
    void shouldReadEveryOnMissingDataAction() {
        for (MissingDataAction action : MissingDataAction.values()) {
            ReleaseSpec spec = SpecReader.read(
                            "a.yml", "service: shop\nrollback:\n  onMissingData: " + action.yamlName() + "\n")
                    .value();

            assertThat(spec.rollback().onMissingData()).isEqualTo(action);
        }
    }

    @Test
    void shouldRefuseAnUnknownOnMissingDataWithASuggestion() {
        Validated<ReleaseSpec> read = SpecReader.read("a.yml", "service: shop\nrollback:\n  onMissingData: pase\n");

        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rollback.onMissingData");
            assertThat(p.render()).contains("unknown value 'pase'", "pause");
        });
    }

    @Test
    void shouldBindADeviationTriggerBesideThresholdTriggers() {
        ReleaseSpec spec = SpecReader.read("d.yml", PROMETHEUS + """
                        rollback:
                          triggers:
                            - { name: error-rate, metric: errorRate, comparator: ">", threshold: 2%, for: 2m }
                            - { name: checkout-drop, metric: checkoutRate, deviation: 50%, direction: decrease, against: stable, action: review }
                        """).value();

        assertThat(spec.rollback().triggers()).extracting(TriggerSpec::name).containsExactly("error-rate");
        assertThat(spec.rollback().deviations())
                .containsExactly(new DeviationTriggerSpec(
                        "checkout-drop", "checkoutRate", Percent.of(50), Direction.DECREASE, DeviationBaseline.STABLE));
    }

    @Test
    void shouldRefuseADeviationTriggerWithAThresholdOrAnotherAction() {
        Validated<ReleaseSpec> read = SpecReader.read("d.yml", PROMETHEUS + """
                        rollback:
                          triggers:
                            - { name: a, metric: checkoutRate, deviation: 50%, threshold: 2% }
                            - { name: b, metric: checkoutRate, deviation: 50%, action: rollback }
                            - { name: c, metric: checkoutRate, deviation: 0% }
                        """);

        assertThat(read.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "rollback.triggers[0].threshold",
                        "rollback.triggers[1].action",
                        "rollback.triggers[2].deviation"));
        assertThat(read.problems().get(0).render()).contains("a deviation trigger takes no 'threshold'");
    }
}
