package io.releasepilot.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template from the jar ({@code /dashboard/NAME.html}) with {@code {{name}}} placeholders. A value is escaped
 * unless it is {@link Html}; a placeholder without a value is an error, so a typo never renders silently.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String name) {
        String path = "/dashboard/" + name + ".html";
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is missing from the jar");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    Html render(Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + name + " needs a value for {{" + m.group(1) + "}}");
            }
            String markup = value instanceof Html html ? html.markup() : Html.escape(String.valueOf(value));
            m.appendReplacement(out, Matcher.quoteReplacement(markup));
        }
        m.appendTail(out);
        return Html.trusted(out.toString());
    }
}
