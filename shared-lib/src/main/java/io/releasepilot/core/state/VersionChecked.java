package io.releasepilot.core.state;

import io.releasepilot.core.release.Verdict;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The version check before traffic moved (NOTE {@code version-check}: expected, result, reason, servers with server,
 * url, observed, problem). Only a PASS lets traffic move; any other result refused the release.
 *
 * @param expected the version being released
 * @param result the check's verdict (kept in the details: a note's verdict column is a rollback's)
 * @param reason the sentence that explains it, naming the versions seen
 * @param servers what each server of the target showed
 */
public record VersionChecked(String expected, Verdict result, String reason, List<Server> servers)
        implements StepDetail.Note {
    /** The note's event name. */
    public static final String EVENT = "version-check";

    /** What one server showed: its version ({@code null} when none could be read) and why it did not pass. */
    public record Server(
            String server, String url, @Nullable String observed, String problem) {
        public Server {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(problem, "problem");
        }
    }

    public VersionChecked {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        servers = List.copyOf(servers);
    }

    public boolean passed() {
        return result == Verdict.PASS;
    }

    @Override
    public String event() {
        return EVENT;
    }
}
