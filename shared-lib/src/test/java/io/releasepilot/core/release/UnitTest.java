package io.releasepilot.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

    @ParameterizedTest
    @CsvSource({
        // unit, value in query units, as written
        "PERCENT, 0.01, 1%",
        "PERCENT, 0.005, 0.5%",
        "PERCENT, 0.0032, 0.32%",
        "MILLISECONDS, 400, 400ms",
        "MILLISECONDS, 412.5, 412.5ms",
        "NUMBER, 0.9, 0.9",
        "NUMBER, 3, 3",
    })
    void shouldShowAValueAsTheUserWroteIt(Unit unit, double value, String written) {
        assertThat(unit.format(value)).isEqualTo(written);
    }

    @Test
    void shouldCompareInQueryUnits() {
        assertThat(Unit.PERCENT.toQueryUnits(1)).isEqualTo(0.01);
        assertThat(Unit.MILLISECONDS.toQueryUnits(400)).isEqualTo(400);
        assertThat(Unit.NUMBER.toQueryUnits(3)).isEqualTo(3);
    }

    @Test
    void shouldShowAValueWithoutANumberAsSuch() {
        assertThat(Unit.PERCENT.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Unit.MILLISECONDS.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }
}
