package io.releasepilot.cli.dashboard;

import java.util.Objects;

/**
 * HTML text that is safe to put into a page as it is. The only ways to make one are {@link #text} (escapes) and
 * {@link #trusted} (for markup written in this package), so a ledger string can never reach a page unescaped.
 */
record Html(String markup) {
    static final Html EMPTY = new Html("");

    Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** {@code value} as text: every character HTML gives meaning to is escaped (also inside attribute values). */
    static Html text(Object value) {
        return new Html(escape(String.valueOf(value)));
    }

    /** Markup written here, with every ledger value passed in through {@link #text} or {@link #format}. */
    static Html trusted(String markup) {
        return new Html(markup);
    }

    /** {@code template} with {@code %s} placeholders, each argument escaped unless it already is {@link Html}. */
    static Html format(String template, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = args[i] instanceof Html html ? html.markup : escape(String.valueOf(args[i]));
        }
        return new Html(String.format(java.util.Locale.ROOT, template, safe));
    }

    static Html join(Iterable<Html> parts) {
        StringBuilder out = new StringBuilder();
        for (Html part : parts) {
            out.append(part.markup);
        }
        return new Html(out.toString());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}
