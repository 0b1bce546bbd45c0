package io.releasepilot.jenkins;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small string rules shared by steps and configuration: blank means absent, globs are comma separated. */
final class Texts {
    private Texts() {}

    static @Nullable String trimToNull(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static List<String> globs(@Nullable String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated != null) {
            for (String g : commaSeparated.split(",")) {
                String t = g.trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }
}
