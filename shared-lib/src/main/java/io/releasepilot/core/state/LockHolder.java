package io.releasepilot.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds an environment lock.
 *
 * @param releaseId the release in progress
 * @param version its version
 * @param actor who holds it, from which CI run
 * @param since when they got it
 */
public record LockHolder(UUID releaseId, String version, Actor actor, Instant since) {
    public LockHolder {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(since, "since");
    }

    /** "release 0b6… (version 1.4.0) started by alice (CI run https://…) since 2026-…". */
    public String describe() {
        return "release " + releaseId + " (version " + version + ") held by " + actor.name()
                + (actor.ciRunUrl() == null ? "" : " from CI run " + actor.ciRunUrl()) + " since " + since;
    }
}
