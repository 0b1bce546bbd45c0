package io.releasepilot.cli.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The JSON API's bodies: the same views the pages render, as JSON (instants in ISO-8601, no value as null). */
final class DashboardJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(new OptionalAsValue()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private DashboardJson() {}

    static String write(Object view) {
        try {
            return MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the dashboard view as JSON", e);
        }
    }

    /** An empty Optional as null, a present one as its value. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalAsValue extends StdSerializer<Optional> {
        OptionalAsValue() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }
}
