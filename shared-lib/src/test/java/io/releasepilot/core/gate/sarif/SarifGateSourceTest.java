package io.releasepilot.core.gate.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Fixtures;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateSourceContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifGateSourceTest extends GateSourceContractTest {

    @Override
    protected GateSource createSource() {
        return new SarifGateSource(List.of(Fixtures.path("sarif/codeql.sarif")));
    }

    @Override
    protected GateSource createSourceWithoutInput() {
        return new SarifGateSource(List.of());
    }

    @Override
    protected String knownMetric() {
        return "highOrCritical";
    }

    @Test
    void shouldResolveLevelsAndSecuritySeverity() {
        SarifTotals totals = SarifGateSource.parse(Fixtures.path("sarif/codeql.sarif"), 1_000_000);

        assertThat(totals).isEqualTo(new SarifTotals(2, 3, 1, 1, 3, 1));
    }

    @Test
    void shouldCountNothingInACleanLog() {
        assertThat(SarifGateSource.parse(Fixtures.path("sarif/clean.sarif"), 1_000_000))
                .isEqualTo(SarifTotals.NONE);
    }

    @Test
    void shouldRejectOtherVersionsAndBrokenJson(@TempDir Path dir) throws Exception {
        Path old = Files.writeString(dir.resolve("old.sarif"), "{\"version\":\"1.0.0\",\"runs\":[]}");
        Path broken = Files.writeString(dir.resolve("broken.sarif"), "{\"version\":\"2.1.0\",\"runs\":[");

        assertThatThrownBy(() -> SarifGateSource.parse(old, 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1.0.0");
        assertThatThrownBy(() -> SarifGateSource.parse(broken, 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.sarif");
        assertThatThrownBy(() -> SarifGateSource.parse(broken, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("size limit");
    }
}
