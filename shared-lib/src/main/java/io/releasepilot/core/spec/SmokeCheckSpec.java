package io.releasepilot.core.spec;

import java.net.URI;
import java.time.Duration;

/** An HTTP probe of the new version before traffic is switched to it. */
public record SmokeCheckSpec(URI url, int expectStatus, Duration timeout) {
    public SmokeCheckSpec {
        Require.present(url, "url");
        Require.status(expectStatus, "expectStatus");
        Require.positive(timeout, "timeout");
    }
}
