package io.releasepilot.core.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Why a release is rolled back: the values behind the decision, kept in its {@link StepDetail.RollbackStarted}. */
public sealed interface RollbackCause
        permits RollbackCause.Triggers, RollbackCause.Operator, RollbackCause.Alerts, RollbackCause.Unrecorded {

    /**
     * The engine's critical rollback triggers fired (trigger, evaluations, values).
     *
     * @param triggers the names of the rules that fired
     * @param evaluations each rule's explanation, with value and threshold
     * @param values the latest measured value per metric, NaN when there was none
     */
    record Triggers(List<String> triggers, List<String> evaluations, Map<String, Double> values)
            implements RollbackCause {
        public Triggers {
            triggers = List.copyOf(triggers);
            evaluations = List.copyOf(evaluations);
            values = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /**
     * An operator asked for it (manual: true, from, to).
     *
     * @param from for a rollback of a finished release: the version left
     * @param to for a rollback of a finished release: the version returned to
     */
    record Operator(@Nullable String from, @Nullable String to) implements RollbackCause {
        /** A rollback of the release in progress. */
        public static Operator ofReleaseInProgress() {
            return new Operator(null, null);
        }
    }

    /** Alertmanager alerts fired (trigger: alertmanager, groupKey, alerts). */
    record Alerts(String groupKey, List<FiredAlert> alerts) implements RollbackCause {
        public Alerts {
            Objects.requireNonNull(groupKey, "groupKey");
            alerts = List.copyOf(alerts);
        }
    }

    /** One alert of an Alertmanager group (alertname, labels, startsAt, fingerprint, summary). */
    record FiredAlert(
            String name,
            Map<String, String> labels,
            String startsAt,
            String fingerprint,
            @Nullable String summary) {
        public FiredAlert {
            Objects.requireNonNull(name, "name");
            labels = Collections.unmodifiableMap(new TreeMap<>(labels));
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A ledger row whose cause this version cannot read; the row itself keeps what was written. */
    record Unrecorded() implements RollbackCause {}
}
