package io.releasepilot.core.gate.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.BaselineSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Baseline values from a JSON file of named numbers, e.g. {@code {"p95Latency": 312.5, "errorRate": 0.004}}. */
public final class FileBaselineSource implements BaselineSource {

    private static final long MAX_BYTES = 1024 * 1024;

    private final Path file;
    private final JsonNode values;

    public FileBaselineSource(Path file) {
        this.file = file;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(file + ": no baseline file (or larger than 1 MiB)");
            }
            values = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not a JSON baseline file: " + e.getMessage(), e);
        }
        if (values == null || !values.isObject()) {
            throw new InvalidInputException(file + ": a baseline file is a JSON object of named numbers");
        }
    }

    @Override
    public OptionalDouble baseline(String metric) {
        JsonNode value = values.get(metric);
        return value != null && value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty();
    }

    @Override
    public String origin() {
        return file.toString();
    }
}
