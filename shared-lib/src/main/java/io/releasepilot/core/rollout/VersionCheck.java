package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.VersionCheckSpec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What must show the version being released before any traffic moves: one URL per server of the target, the status
 * each must answer, and where in the answer the version is.
 *
 * @param urlTemplate the URL, {@code {{address}}} standing for each server's {@code host:port}
 * @param servers the target's servers; empty when the URL names the one server itself
 * @param expectStatus the status every server must answer
 * @param source where the version is read from
 * @param timeout one request's connect + read timeout
 */
public record VersionCheck(
        String urlTemplate, List<String> servers, int expectStatus, Source source, Duration timeout) {

    /** Where the version is in an answer. */
    public sealed interface Source {
        /** The first group of a regular expression over the body (the whole match when it has no group). */
        record Regex(String pattern) implements Source {
            public Regex {
                Objects.requireNonNull(pattern, "pattern");
            }
        }

        /** A dotted path into a JSON body, e.g. {@code $.build.version}. */
        record JsonPath(String path) implements Source {
            public JsonPath {
                Objects.requireNonNull(path, "path");
            }
        }

        /** A response header's value. */
        record Header(String name) implements Source {
            public Header {
                Objects.requireNonNull(name, "name");
            }
        }
    }

    /** One server and the URL its version is read from. */
    public record Target(String server, URI url) {
        public Target {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(url, "url");
        }
    }

    public VersionCheck {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        servers = List.copyOf(servers);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The spec's {@code versionCheck}; empty when the spec has none. */
    public static Optional<VersionCheck> from(ReleaseSpec spec) {
        return spec.versionCheck().map(VersionCheck::from);
    }

    /** The plan of one {@code versionCheck} section. */
    public static VersionCheck from(VersionCheckSpec spec) {
        Source source = spec.regex()
                .<Source>map(Source.Regex::new)
                .or(() -> spec.jsonPath().map(Source.JsonPath::new))
                .or(() -> spec.header().map(Source.Header::new))
                .orElseThrow(() -> new InvalidInputException("versionCheck needs regex, jsonPath or header"));
        return new VersionCheck(spec.url(), spec.servers(), spec.expectStatus(), source, spec.timeout());
    }

    /**
     * The URL of each server of {@code pool} (the target's servers; the {@link #servers} written in the spec when the
     * caller has no pool of its own). A URL without the placeholder is the one server it names.
     */
    public List<Target> targets(List<String> pool) {
        if (!urlTemplate.contains(VersionCheckSpec.ADDRESS)) {
            URI url = uri(urlTemplate);
            String server = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
            return List.of(new Target(server, url));
        }
        List<Target> targets = new ArrayList<>();
        for (String server : pool) {
            targets.add(new Target(server, uri(urlTemplate.replace(VersionCheckSpec.ADDRESS, server))));
        }
        return List.copyOf(targets);
    }

    /** {@link #targets(List)} of the servers the spec lists. */
    public List<Target> targets() {
        return targets(servers);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException(
                    "versionCheck.url: '" + text + "' is not a URL (" + e.getReason() + "); e.g."
                            + " http://{{address}}/version",
                    e);
        }
    }
}
