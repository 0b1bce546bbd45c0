package io.releasepilot.core.gate.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.BaselineSource;
import io.releasepilot.core.gate.BaselineSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline contract for a JSON file of named numbers on disk. */
class FileBaselineSourceTest extends BaselineSourceContractTest {
    @TempDir
    Path dir;

    @Override
    protected BaselineSource baselineOf(Map<String, Double> values) {
        try {
            return new FileBaselineSource(
                    Files.writeString(dir.resolve("baseline.json"), new ObjectMapper().writeValueAsString(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected BaselineSource withoutBaseline() {
        try {
            return new FileBaselineSource(Files.writeString(dir.resolve("empty.json"), "{}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ThrowingCallable readFromAMissingBackend() {
        return () -> new FileBaselineSource(dir.resolve("missing.json")).baseline("p95Latency");
    }

    @Override
    protected String missingBackendName() {
        return dir.resolve("missing.json").toString();
    }

    @Test
    void shouldIgnoreAValueThatIsNotANumber() throws IOException {
        Path file = Files.writeString(dir.resolve("text.json"), "{\"p95Latency\": \"fast\", \"errorRate\": null}");

        BaselineSource baseline = new FileBaselineSource(file);

        assertThat(baseline.baseline("p95Latency")).isEmpty();
        assertThat(baseline.baseline("errorRate")).isEmpty();
        assertThat(baseline.origin()).isEqualTo(file.toString());
    }

    @Test
    void shouldRejectAFileThatIsNotAJsonObject() throws IOException {
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"p95Latency\": ");

        assertThatThrownBy(() -> new FileBaselineSource(array))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("array.json: a baseline file is a JSON object of named numbers");
        assertThatThrownBy(() -> new FileBaselineSource(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("broken.json: not a JSON baseline file");
    }
}
