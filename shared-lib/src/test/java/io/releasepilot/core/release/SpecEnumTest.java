package io.releasepilot.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.spec.Validated;
import org.junit.jupiter.api.Test;

class SpecEnumTest {

    @Test
    void shouldOfferOnlyTheStrategiesASpecMayChoose() {
        assertThat(SpecEnum.specValues(ReleaseStrategy.class))
                .containsExactly(ReleaseStrategy.CANARY, ReleaseStrategy.BLUE_GREEN);
        assertThat(ReleaseStrategy.BLUE_GREEN.yamlName()).isEqualTo("blue-green");
    }

    @Test
    void shouldRejectAStrategyOnlyTheToolRecords() {
        Validated<ReleaseSpec> spec = SpecReader.read(
                "release-pilot.yml",
                "service: checkout\nstrategy:\n  type: rollback\n"
                        + "traffic:\n  router: command\n  command:\n    run: [\"./weights.sh\"]\n");

        assertThat(spec.isValid()).isFalse();
        assertThat(spec.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("strategy.type");
            assertThat(problem.message() + " " + problem.hint()).contains("rollback", "canary, blue-green");
        });
    }

    @Test
    void shouldKeepTheLedgersStoredNames() {
        // The ledger stores these names as text; renaming one would make old rows unreadable.
        assertThat(ReleaseStrategy.values())
                .extracting(Enum::name)
                .containsExactly("CANARY", "BLUE_GREEN", "DIRECT", "ROLLBACK");
        assertThat(Verdict.values()).extracting(Enum::name).containsExactly("PASS", "WARNING", "FAIL", "INCONCLUSIVE");
    }

    @Test
    void shouldOfferEveryConstantOfAnEnumWithoutToolOnlyValues() {
        assertThat(SpecEnum.specValues(Severity.class)).containsExactly(Severity.WARNING, Severity.CRITICAL);
        assertThat(SpecEnum.specValues(Direction.class))
                .containsExactly(Direction.INCREASE, Direction.DECREASE, Direction.EITHER);
    }
}
