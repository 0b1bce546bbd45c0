package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code versionCheck}: before any traffic moves, every server of the release's target must answer {@code url} with
 * {@code expectStatus} and show the version being released, read by exactly one of {@code regex}, {@code jsonPath} or
 * {@code header}.
 *
 * @param url the URL template; {@code {{address}}} is replaced by each server's {@code host:port}
 * @param servers the target's servers ({@code host:port}); empty when the URL names one server itself
 * @param regex a regular expression over the body; its first group (or the whole match) is the version
 * @param jsonPath a dotted path into a JSON body, e.g. {@code $.build.version}
 * @param header a response header whose value is the version
 */
public record VersionCheckSpec(
        String url,
        List<String> servers,
        int expectStatus,
        Optional<String> regex,
        Optional<String> jsonPath,
        Optional<String> header,
        Duration timeout) {
    /** The placeholder a server's address replaces in {@link #url}. */
    public static final String ADDRESS = "{{address}}";

    public VersionCheckSpec {
        Require.text(url, "url");
        servers = Require.list(servers, "servers");
        Require.status(expectStatus, "expectStatus");
        Require.optional(regex, "regex");
        Require.optional(jsonPath, "jsonPath");
        Require.optional(header, "header");
        long ways = java.util.stream.Stream.of(regex, jsonPath, header)
                .filter(Optional::isPresent)
                .count();
        if (ways != 1) {
            throw new IllegalArgumentException("versionCheck needs exactly one of regex, jsonPath and header");
        }
        if (!url.contains(ADDRESS) && !servers.isEmpty()) {
            throw new IllegalArgumentException("versionCheck: servers are listed but the url has no " + ADDRESS);
        }
        Require.positive(timeout, "timeout");
    }
}
