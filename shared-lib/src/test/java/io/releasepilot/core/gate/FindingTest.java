package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void shouldRejectALineBeforeTheFirst() {
        assertThatThrownBy(() -> new Finding("A.java", 0, "t", "m", Finding.Level.ERROR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line must be 1 or more");
    }

    @Test
    void shouldAllowAFindingWithoutLine() {
        Finding finding = new Finding("A.java", null, "t", "m", Finding.Level.WARNING);

        assertThat(finding.lineIfAny()).isEmpty();
    }
}
