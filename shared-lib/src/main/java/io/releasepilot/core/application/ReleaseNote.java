package io.releasepilot.core.application;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StepDetail;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Adds host context to a release still in progress (a finished Jenkins build that acted on it: actor, URL, result) as
 * a NOTE step. A finished release is left alone: the ledger refuses writes to it, and it already carries the actor and
 * URL of the run that started it.
 */
public final class ReleaseNote {
    private final Ledger ledger;

    public ReleaseNote(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * Records the host's {@code note} on the release while it is in progress or paused.
     *
     * @param releaseId the release id as the host kept it (null, or not an id, when the host run released nothing)
     * @return whether the note was written
     */
    public boolean addIfActive(@Nullable String releaseId, StepDetail.HostNote note) {
        ReleaseStore store = ledger.open().orElseThrow(() -> new InvalidInputException(ledger.howToConfigure()));
        try {
            Optional<UUID> id = parse(releaseId);
            Optional<Release> release = id.flatMap(store::find);
            if (release.isEmpty() || !release.get().state().active()) {
                return false;
            }
            try {
                store.recordStep(id.get(), new NewStep(release.get().currentStep(), note));
                return true;
            } catch (InvalidInputException e) {
                // It ended in between: see above.
                return false;
            }
        } finally {
            ledger.close(store);
        }
    }

    private static Optional<UUID> parse(@Nullable String releaseId) {
        try {
            return releaseId == null ? Optional.empty() : Optional.of(UUID.fromString(releaseId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
