package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    private Secret() {}

    public @NonNull String getPlainText() {
        throw new UnsupportedOperationException("compile-only");
    }
}
