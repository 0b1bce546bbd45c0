package io.releasepilot.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
    @Test
    void shouldMaskEveryOccurrenceLongestFirst() {
        SecretMask mask = SecretMask.of(List.of("abc", "abcdef"));

        assertThat(mask.mask("x abcdef y abc z")).isEqualTo("x **** y **** z");
        assertThat(mask.longest()).isEqualTo(6);
    }

    @Test
    void shouldIgnoreBlankValuesAndNeverPrintTheValues() {
        SecretMask mask = SecretMask.of(List.of("", "  ", "hunter22"));

        assertThat(mask.values()).containsExactly("hunter22");
        assertThat(mask.toString()).doesNotContain("hunter22").contains("1 values");
        assertThat(SecretMask.NONE.mask("hunter22")).isEqualTo("hunter22");
    }

    @Test
    void shouldCombineMasks() {
        SecretMask mask = SecretMask.of(List.of("first-secret")).and(SecretMask.of(List.of("second-secret")));

        assertThat(mask.mask("first-secret second-secret")).isEqualTo("**** ****");
    }
}
