package io.releasepilot.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;

/**
 * How every command reports: lines for people, one JSON document for a script, or Markdown for a summary page. A
 * command that offers only text and JSON declares its {@code --format} with {@link TextOrJson}, so picocli rejects
 * {@code markdown} there with its usual message and completes only the two.
 */
enum OutputFormat {
    text,
    json,
    markdown;

    /** Converter and completion candidates of a {@code --format} that offers text and json only. */
    static final class TextOrJson implements CommandLine.ITypeConverter<OutputFormat>, Iterable<String> {
        private static final List<OutputFormat> OFFERED = List.of(text, json);

        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : OFFERED) {
                if (format.name().equals(value)) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "expected one of " + OFFERED + " (case-sensitive) but was '" + value + "'");
        }

        @Override
        public Iterator<String> iterator() {
            return OFFERED.stream().map(OutputFormat::name).iterator();
        }
    }
}
