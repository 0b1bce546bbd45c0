package io.releasepilot.core.spec;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Prometheus server and the named PromQL queries that criteria, objectives and triggers refer to.
 *
 * @param tokenEnv the environment variable holding a bearer token, if any
 * @param queries name to PromQL; {@code {{version}}} is replaced by the stable or canary version. Always includes
 *     the default queries of {@link SpecDefaults#queries(String)} unless the spec overrides them
 */
public record PrometheusSpec(URI url, Duration timeout, Optional<String> tokenEnv, Map<String, String> queries) {
    public PrometheusSpec {
        Require.present(url, "url");
        Require.positive(timeout, "timeout");
        Require.optional(tokenEnv, "tokenEnv");
        queries = Collections.unmodifiableSortedMap(new TreeMap<>(Require.map(queries, "queries")));
    }
}
