package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one ledger step records: one record per fact the engine, the gate, a rollback or a host writes. The record
 * fixes the step's {@link StepKind} and verdict, and {@link TrafficApplied} the weights the release's progress moves
 * to, so no step can be recorded with a kind that contradicts what it says. The ledger adapter stores each as one JSON
 * object (the keys named in each record's documentation, the same ones written before the details were typed, so
 * older rows read back); {@link Unrecognised} keeps a row this version cannot read as typed, untouched.
 *
 * <p>Measured values are {@code double}; {@link Double#NaN} means "no value" (JSON {@code null}).
 */
public sealed interface StepDetail
        permits StepDetail.TrafficApplied,
                StepDetail.Analysis,
                StepDetail.HealthCheck,
                StepDetail.Gate,
                StepDetail.Note,
                StepDetail.Unrecognised {

    /** What kind of step this detail is recorded as. */
    StepKind kind();

    /** The verdict the step carries; null for steps that judge nothing. */
    default @Nullable Verdict verdict() {
        return null;
    }

    /** A short name of what happened, as reports show it ({@code traffic-intent}, {@code analysis}, …). */
    String event();

    /** A NOTE step: what happened, named by its {@link #event()}; only a rollback's start carries a verdict. */
    sealed interface Note extends StepDetail
            permits TrafficIntent,
                    Phase,
                    Hook,
                    SmokeChecks,
                    Reconciled,
                    Resumed,
                    Notice,
                    NoSignal,
                    RollbackStarted,
                    HostNote,
                    VersionChecked {
        @Override
        default StepKind kind() {
            return StepKind.NOTE;
        }
    }

    /** About to set these weights (NOTE {@code traffic-intent}: stable, canary, reason), written before the router. */
    record TrafficIntent(TrafficSplit weights, String reason) implements Note {
        public TrafficIntent {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String event() {
            return "traffic-intent";
        }
    }

    /**
     * The router now carries {@code weights} (TRAFFIC {@code traffic-applied}: router, readBack as "stable/canary",
     * reason; the weights are the step's columns). Recording it moves the release's progress to this step and weights.
     *
     * @param readBack what the router reported after the change; null in rows that did not record it
     */
    record TrafficApplied(
            TrafficSplit weights, String router, @Nullable TrafficSplit readBack, String reason) implements StepDetail {
        public TrafficApplied {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public StepKind kind() {
            return StepKind.TRAFFIC;
        }

        @Override
        public String event() {
            return "traffic-applied";
        }
    }

    /**
     * One canary analysis (ANALYSIS: at, values, thresholds, verdict, version, judge).
     *
     * @param values the measured value per metric, NaN when the metric had none
     * @param thresholds the step's criteria per metric as the user wrote them, e.g. {@code < 1%} (rows written before
     *     criteria kept their unit read back as written then, e.g. {@code < 0.01})
     * @param judge the canary judge's result, when the judge ran
     */
    record Analysis(
            Instant at,
            String version,
            Map<String, Double> values,
            Map<String, String> thresholds,
            Verdict verdict,
            @Nullable JudgeSummary judge)
            implements StepDetail {
        public Analysis {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(version, "version");
            values = ordered(values, "values");
            thresholds = ordered(thresholds, "thresholds");
            Objects.requireNonNull(verdict, "verdict");
        }

        @Override
        public StepKind kind() {
            return StepKind.ANALYSIS;
        }

        @Override
        public String event() {
            return "analysis";
        }
    }

    /** Health probes failed this many times in a row (HEALTH_CHECK, verdict FAIL: consecutiveFailures, at). */
    record HealthCheck(int consecutiveFailures, Instant at) implements StepDetail {
        public HealthCheck {
            if (consecutiveFailures < 1) {
                throw new InvalidInputException(
                        "a failed health check counts at least one failure, was " + consecutiveFailures);
            }
            Objects.requireNonNull(at, "at");
        }

        @Override
        public StepKind kind() {
            return StepKind.HEALTH_CHECK;
        }

        @Override
        public Verdict verdict() {
            return Verdict.FAIL;
        }

        @Override
        public String event() {
            return "health-check";
        }
    }

    /**
     * A quality gate's verdict (GATE: verdict, score, reason, values, objectives).
     *
     * @param values the finite measured value per metric: what later regression checks compare against
     */
    record Gate(
            Verdict verdict, double score, String reason, Map<String, Double> values, List<GateObjective> objectives)
            implements StepDetail {
        public Gate {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
            values = ordered(values, "values");
            objectives = List.copyOf(objectives);
        }

        @Override
        public StepKind kind() {
            return StepKind.GATE;
        }

        @Override
        public String event() {
            return "gate";
        }
    }

    /** A blue-green cutover entered {@code phase} (NOTE {@code phase}: phase, reason). */
    record Phase(String phase, String reason) implements Note {
        public Phase {
            LedgerInput.text("phase", phase, LedgerInput.MAX_SHORT_TEXT);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String event() {
            return "phase";
        }
    }

    /**
     * A blue-green hook ran (NOTE {@code hook}: hook, command, exitCode, output, result SUCCEEDED or FAILED).
     *
     * @param name {@code deploy} or {@code retire}
     * @param command the command run; empty when none is configured (then it succeeds without running)
     * @param exitCode its exit code; null when it did not run or did not finish
     * @param output its quoted output, or what went wrong
     */
    record Hook(String name, List<String> command, @Nullable Integer exitCode, String output, boolean succeeded)
            implements Note {
        public Hook {
            LedgerInput.text("hook name", name, LedgerInput.MAX_SHORT_TEXT);
            if (SmokeChecks.NAME.equals(name)) {
                throw new InvalidInputException("smoke checks are recorded as SmokeChecks, not as a hook");
            }
            command = List.copyOf(command);
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String event() {
            return "hook";
        }
    }

    /** The blue-green smoke checks ran (NOTE {@code hook} named smoke-checks: checks, result). */
    record SmokeChecks(List<Check> checks, boolean succeeded) implements Note {
        /** The hook name smoke checks are recorded under. */
        public static final String NAME = "smoke-checks";

        public SmokeChecks {
            checks = List.copyOf(checks);
        }

        /** One smoke check: url, expectStatus, passed. */
        public record Check(String url, int expectStatus, boolean passed) {
            public Check {
                Objects.requireNonNull(url, "url");
            }
        }

        @Override
        public String event() {
            return "hook";
        }
    }

    /** A rerun found the router elsewhere than the ledger and re-applied (NOTE {@code reconciled}). */
    record Reconciled(TrafficSplit found, TrafficSplit applied, String router) implements Note {
        public Reconciled {
            Objects.requireNonNull(found, "found");
            Objects.requireNonNull(applied, "applied");
            Objects.requireNonNull(router, "router");
        }

        @Override
        public String event() {
            return "reconciled";
        }
    }

    /** A new run continues the release (NOTE {@code resumed}: by, takeover). */
    record Resumed(String by, boolean takeover) implements Note {
        public Resumed {
            LedgerInput.text("resumed by", by, LedgerInput.MAX_SHORT_TEXT);
        }

        @Override
        public String event() {
            return "resumed";
        }
    }

    /** Something people were told: a warning trigger, missing data (NOTE {@code notify}: message). */
    record Notice(String message) implements Note {
        public Notice {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String event() {
            return "notify";
        }
    }

    /**
     * The release promotes (or watches) without any signal: nothing can hold or roll it back (NOTE {@code no-signal}:
     * reason, hint). Recorded once per release, so the report can say it was promoted blind.
     *
     * @param reason why nothing can hold or roll it back
     * @param hint how to give it a signal
     */
    record NoSignal(String reason, String hint) implements Note {
        public NoSignal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hint, "hint");
        }

        @Override
        public String event() {
            return "no-signal";
        }
    }

    /**
     * A rollback began (NOTE, verdict FAIL, {@code rollback-started}: the cause's keys, reason, actor). A release whose
     * last such step is not followed by its end was interrupted mid-rollback; a rerun finishes it.
     */
    record RollbackStarted(String reason, String actor, RollbackCause cause) implements Note {
        public RollbackStarted {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Verdict verdict() {
            return Verdict.FAIL;
        }

        @Override
        public String event() {
            return "rollback-started";
        }
    }

    /**
     * A front-end's note about its own run, which the core does not interpret (NOTE with the host's event name: build,
     * buildUrl, stepReleaseId, actor, result).
     *
     * @param event the host's name for the note, e.g. {@code jenkins-build}
     * @param run the host's id of its run (a Jenkins build)
     * @param runUrl where the run is
     * @param hostReleaseId the host's own id of the release the run started, tying the two together
     * @param actor who ran it
     * @param result how the run ended
     */
    record HostNote(
            String event,
            String run,
            String runUrl,
            @Nullable String hostReleaseId,
            @Nullable String actor,
            @Nullable String result)
            implements Note {
        /** The names of the core's own notes, which a host note must not take. */
        private static final Set<String> CORE_NOTES = Set.of(
                "traffic-intent",
                "traffic-applied",
                "phase",
                "hook",
                "reconciled",
                "resumed",
                "notify",
                "no-signal",
                "rollback-started",
                VersionChecked.EVENT);

        public HostNote {
            LedgerInput.text("host note event", event, LedgerInput.MAX_SHORT_TEXT);
            if (CORE_NOTES.contains(event)) {
                throw new InvalidInputException("'" + event + "' names a note of the core; a host note needs its own"
                        + " name, e.g. jenkins-build");
            }
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(runUrl, "runUrl");
        }
    }

    /**
     * A row this version cannot read as typed (written by a newer version, or malformed), kept as its JSON text so
     * reading the ledger never fails on it and nothing in it is lost or misread.
     */
    record Unrecognised(StepKind kind, @Nullable Verdict verdict, String event, String json) implements StepDetail {
        public Unrecognised {
            Objects.requireNonNull(kind, "kind");
            if (kind == StepKind.TRAFFIC) {
                throw new InvalidInputException("a TRAFFIC step is always read as TrafficApplied");
            }
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(json, "json");
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
