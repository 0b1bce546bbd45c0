package io.releasepilot.core.rollout;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Port that asks one server of a release's target for its version page. It never throws for the server's sake: a
 * server that cannot be reached is an {@link Answer.Unreachable}, which the {@link VersionCheckDecider} never passes.
 */
public interface ServerVersions {
    /** What one request got back. */
    sealed interface Answer {
        /** The server answered: status, headers (names lower-case, first value), body. */
        record Answered(int status, Map<String, String> headers, String body) implements Answer {
            public Answered {
                TreeMap<String, String> lower = new TreeMap<>();
                headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
                headers = java.util.Collections.unmodifiableMap(lower);
                Objects.requireNonNull(body, "body");
            }

            /** The header {@code name}, in any case. */
            public Optional<String> header(String name) {
                return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
            }
        }

        /** No answer within the timeout, or no connection at all. */
        record Unreachable(String error) implements Answer {
            public Unreachable {
                Objects.requireNonNull(error, "error");
            }
        }
    }

    /** GETs {@code url} with {@code timeout} as connect, read and whole-call timeout. */
    Answer fetch(URI url, Duration timeout);
}
