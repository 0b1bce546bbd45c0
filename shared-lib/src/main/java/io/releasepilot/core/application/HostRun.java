package io.releasepilot.core.application;

import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepDetail;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's run that drives a release and may be restarted (a Jenkins Pipeline step survives a controller restart).
 * The run ties the ledger's release to itself with a host note ({@link StepDetail.HostNote}) written with the first
 * progress report; a rerun finds its release again by that note, or, when the restart came before the note was
 * written, by the run's URL on the release's actor together with the same version and strategy.
 *
 * @param note the note's event name, e.g. {@code jenkins-step}
 * @param id the run's own id, chosen before any work and kept across restarts (the note's host release id)
 * @param url the run's URL, which is also the CI run URL of the actor it releases as
 * @param run the host's id of the run the note names, e.g. the Jenkins build
 */
public record HostRun(String note, String id, String url, String run) {

    public HostRun {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(run, "run");
    }

    /** The note that ties a ledger release to this run. */
    StepDetail.HostNote tie() {
        return new StepDetail.HostNote(note, run, url, id, null, null);
    }

    /** The run a ledger step ties its release to, if it is such a note. */
    Optional<String> tiedRun(ReleaseStep step) {
        return step.step().detail() instanceof StepDetail.HostNote host && note.equals(host.event())
                // A tie without the run's id ties to no run, never to this one.
                ? Optional.of(String.valueOf(host.hostReleaseId()))
                : Optional.empty();
    }
}
