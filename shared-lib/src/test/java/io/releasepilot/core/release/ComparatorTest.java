package io.releasepilot.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ComparatorTest {

    @ParameterizedTest
    @CsvSource({
        // comparator, value, threshold, holds
        "<, 0.5, 1, true",
        "<, 1, 1, false",
        "<=, 1, 1, true",
        "<=, 1.5, 1, false",
        ">, 2, 1, true",
        ">, 1, 1, false",
        ">=, 1, 1, true",
        ">=, 0.5, 1, false",
        "==, 0, 0, true",
        "==, 0.1, 0, false",
    })
    void shouldCompareTheValueWithTheThreshold(String symbol, double value, double threshold, boolean holds) {
        assertThat(Comparator.ofSymbol(symbol).orElseThrow().holds(value, threshold))
                .isEqualTo(holds);
    }

    @ParameterizedTest
    @EnumSource(Comparator.class)
    void shouldNeverLetNoDataSatisfyAThreshold(Comparator comparator) {
        assertThat(comparator.holds(Double.NaN, 0)).isFalse();
        assertThat(comparator.holds(Double.NaN, Double.NaN)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"<, true", "<=, true", ">, true", ">=, true", "==, false"})
    void shouldAcceptOnlyOrderingComparatorsForMetricThresholds(String symbol, boolean accepted) {
        Comparator comparator = Comparator.ofSymbol(symbol).orElseThrow();

        assertThat(comparator.isOrdering()).isEqualTo(accepted);
        if (accepted) {
            assertThat(comparator.forMetricThreshold("criterion 'errorRate'")).isSameAs(comparator);
        } else {
            assertThatThrownBy(() -> comparator.forMetricThreshold("criterion 'errorRate'"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("criterion 'errorRate'")
                    .hasMessageContaining("use <, <=, > or >=");
        }
    }

    @ParameterizedTest
    @EnumSource(Comparator.class)
    void shouldReadBackTheSymbolItWrites(Comparator comparator) {
        assertThat(Comparator.ofSymbol(" " + comparator.symbol() + " ")).contains(comparator);
        assertThat(comparator).hasToString(comparator.symbol());
    }

    @ParameterizedTest
    @CsvSource({"!=", "=", "=<", "lt", "''"})
    void shouldNotKnowOtherSymbols(String symbol) {
        assertThat(Comparator.ofSymbol(symbol)).isEmpty();
    }

    @Test
    void shouldTreatNegativeZeroAsZero() {
        assertThat(Comparator.EQUAL.holds(-0.0, 0)).isTrue();
    }
}
