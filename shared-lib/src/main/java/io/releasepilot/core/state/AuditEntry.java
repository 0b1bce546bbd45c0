package io.releasepilot.core.state;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail: who did what to which release, from which CI run, why, and when.
 *
 * @param sequence audit order
 * @param releaseId the release
 * @param action what was done
 * @param actor who, from which CI run
 * @param reason why, as given
 * @param at when
 */
public record AuditEntry(
        long sequence,
        UUID releaseId,
        AuditAction action,
        Actor actor,
        @Nullable String reason,
        Instant at) {
    public AuditEntry {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
