package io.releasepilot.core.state;

import io.releasepilot.core.release.ReleaseStrategy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a new release is: the input of {@link ReleaseStore#start}.
 *
 * @param service service name (1-200 printable characters)
 * @param environment environment name (1-200 printable characters)
 * @param version the version being released
 * @param commitSha the commit being released
 * @param firstCommitAt time of the release's first commit (DORA lead time), truncated to microseconds
 * @param strategy how traffic moves
 * @param actor who starts it, from which CI run
 * @param specHash hash of the release-pilot.yml used
 * @param previousReleaseId the release this one replaces (normally the last successful one)
 * @param rolledBackFrom for a rollback release, the release it rolls back
 */
public record ReleaseRequest(
        String service,
        String environment,
        String version,
        @Nullable String commitSha,
        @Nullable Instant firstCommitAt,
        ReleaseStrategy strategy,
        Actor actor,
        @Nullable String specHash,
        @Nullable UUID previousReleaseId,
        @Nullable UUID rolledBackFrom) {

    public ReleaseRequest {
        LedgerInput.name("service", service);
        LedgerInput.name("environment", environment);
        LedgerInput.text("version", version, LedgerInput.MAX_SHORT_TEXT);
        LedgerInput.optionalText("commit sha", commitSha, LedgerInput.MAX_SHORT_TEXT);
        LedgerInput.optionalText("spec hash", specHash, LedgerInput.MAX_SHORT_TEXT);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(actor, "actor");
        firstCommitAt = firstCommitAt == null ? null : firstCommitAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A minimal request; the optional fields are null. */
    public static ReleaseRequest of(
            String service, String environment, String version, ReleaseStrategy strategy, Actor actor) {
        return new ReleaseRequest(service, environment, version, null, null, strategy, actor, null, null, null);
    }
}
