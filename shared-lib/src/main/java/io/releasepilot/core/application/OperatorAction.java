package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import java.util.Objects;

/**
 * Promote, pause, resume or abort the release in progress: an audited request in the ledger that the engine running
 * the release acts on at its next evaluation (abort rolls it back; promote skips the remaining analysis). To roll back
 * without a running engine, see {@link ManualRollback}.
 */
public final class OperatorAction {

    /** The requests an operator can make of a running release. */
    public enum Operation {
        /** Skip the remaining analysis and send all traffic to the new version. */
        PROMOTE(AuditAction.PROMOTE),
        /** Hold the release at its current weights. */
        PAUSE(AuditAction.PAUSE),
        /** Continue a paused release. */
        RESUME(AuditAction.RESUME),
        /** Stop the release; the engine rolls it back. */
        ABORT(AuditAction.ABORT);

        private final AuditAction audit;

        Operation(AuditAction audit) {
            this.audit = audit;
        }

        /** How the request appears in the audit trail. */
        public AuditAction audit() {
            return audit;
        }
    }

    /**
     * The recorded request and the release as it stands right after it.
     *
     * @param entry the audit entry written
     * @param release the release it was written on, read back from the ledger
     */
    public record Acted(AuditEntry entry, Release release) {
        public Acted {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(release, "release");
        }
    }

    private final ReleaseSession session;

    public OperatorAction(ReleaseSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Records {@code operation} on the release in progress for the session's service and environment. */
    public Acted perform(Operation operation, Actor actor, String reason) {
        ReleaseStore store = session.store();
        Release release = store.inProgress(session.service(), session.environment())
                .orElseThrow(() -> new InvalidInputException(
                        "no release of '" + session.service() + "' is in progress in '" + session.environment() + "'"));
        AuditEntry entry = store.act(release.id(), operation.audit(), actor, reason);
        return new Acted(entry, store.find(entry.releaseId()).orElse(release));
    }
}
