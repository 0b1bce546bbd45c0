package io.releasepilot.core.application;

import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.state.ReleaseStep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A host's run that drives a release and may be restarted (a Jenkins Pipeline step survives a controller restart).
 * The run ties the ledger's release to itself with a NOTE written with the first progress report; a rerun finds its
 * release again by that note, or, when the restart came before the note was written, by the run's URL on the
 * release's actor together with the same version and strategy.
 *
 * @param note the NOTE's event name, e.g. {@code jenkins-step}
 * @param id the run's own id, chosen before any work and kept across restarts
 * @param url the run's URL, which is also the CI run URL of the actor it releases as
 * @param details more for the note, e.g. the build's id and URL
 */
public record HostRun(String note, String id, String url, Map<String, String> details) {
    /** Ledger detail key of the run's id; the name is kept so notes written by earlier versions still tie. */
    public static final String ID = "stepReleaseId";

    public HostRun {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The details of the NOTE that ties a ledger release to this run. */
    Map<String, @Nullable Object> tie() {
        Map<String, @Nullable Object> tie = new LinkedHashMap<>();
        tie.put(ReleaseEngine.EVENT, note);
        tie.put(ID, id);
        tie.putAll(details);
        return tie;
    }

    /** The run a ledger step ties its release to, if it is such a note. */
    Optional<String> tiedRun(ReleaseStep step) {
        Map<String, @Nullable Object> details = step.step().details();
        return note.equals(details.get(ReleaseEngine.EVENT))
                ? Optional.of(String.valueOf(details.get(ID)))
                : Optional.empty();
    }
}
