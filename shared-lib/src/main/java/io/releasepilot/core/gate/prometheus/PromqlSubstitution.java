package io.releasepilot.core.gate.prometheus;

import io.releasepilot.core.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Puts a value (the version under analysis) into a PromQL query where the query's placeholder stands, escaped for the
 * string it stands in, so a {@code "} or {@code \} in a tag can never end the string and rewrite the query. PromQL
 * strings escape only {@code \} and their own quote; a raw (backtick) string escapes nothing, so a value with a
 * backtick is refused there, and a placeholder outside any string takes only a plain token.
 */
final class PromqlSubstitution {
    /** What a value may look like where the query puts it outside a string. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.:+-]+");

    private PromqlSubstitution() {}

    /** {@code query} with every {@code placeholder} replaced by {@code value}, escaped for where it stands. */
    static String substitute(String query, String placeholder, String value) {
        StringBuilder out = new StringBuilder(query.length() + value.length());
        char quote = 0;
        int i = 0;
        while (i < query.length()) {
            if (query.startsWith(placeholder, i)) {
                out.append(escaped(value, quote, query));
                i += placeholder.length();
                continue;
            }
            char c = query.charAt(i);
            out.append(c);
            if (quote != 0 && quote != '`' && c == '\\' && i + 1 < query.length()) {
                out.append(query.charAt(i + 1));
                i += 2;
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'' || c == '`')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            }
            i++;
        }
        return out.toString();
    }

    private static String escaped(String value, char quote, String query) {
        if (quote == '`') {
            if (value.indexOf('`') >= 0) {
                throw new InvalidInputException("the version '" + value + "' contains a backtick and cannot go into the"
                        + " raw string of the query " + query + "; use a double-quoted string there");
            }
            return value;
        }
        if (quote == 0) {
            if (!BARE.matcher(value).matches()) {
                throw new InvalidInputException(
                        "the version '" + value + "' cannot stand outside a string in the query " + query
                                + "; put the placeholder in quotes, e.g. version=\"{{version}}\"");
            }
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
