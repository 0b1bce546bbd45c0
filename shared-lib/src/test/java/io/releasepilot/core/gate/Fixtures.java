package io.releasepilot.core.gate;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures under src/test/resources/io/releasepilot/core/gate/. */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String relative) {
        URL url = Fixtures.class.getResource("/io/releasepilot/core/gate/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
