package io.releasepilot.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {

    @ParameterizedTest
    @CsvSource({
        "PASS, PASS, PASS",
        "PASS, WARNING, WARNING",
        "WARNING, INCONCLUSIVE, INCONCLUSIVE",
        "PASS, INCONCLUSIVE, INCONCLUSIVE",
        "INCONCLUSIVE, FAIL, FAIL",
        "FAIL, PASS, FAIL",
    })
    void shouldCombineTwoAnalysesIntoTheMoreSevere(Verdict a, Verdict b, Verdict worse) {
        assertThat(Verdict.worse(a, b)).isEqualTo(worse);
        assertThat(Verdict.worse(b, a)).isEqualTo(worse);
    }

    @Test
    void shouldLetOnlyPassAndWarningContinue() {
        assertThat(Verdict.values()).filteredOn(Verdict::isSuccessful).containsExactly(Verdict.PASS, Verdict.WARNING);
    }
}
