package io.releasepilot.core.rollout;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.rollout.AlertNotification.Alert;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.RollbackCause;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides what an Alertmanager notification means for the releases of one service (pure: the caller looks up the
 * release in progress and the alerts already handled, and performs the rollback).
 *
 * <p>Only firing alerts count; resolved ones change nothing. Each alert is mapped by its {@code service} and {@code
 * environment} labels, falling back to the notification's {@code commonLabels}. Alerts whose {@code severity} is
 * {@code warning}, {@code info} or {@code none} only notify; any other severity (or none at all) rolls back, because a
 * rule routed to Release Pilot without a severity is still a request to act. An alert is identified by its group key,
 * fingerprint and start time: the same alerts in a repeated webhook are already handled, a new firing of the same
 * rule is not. An alert that started before the release did ({@code startsAt} earlier than the release's start) was not
 * caused by it: it is recorded on the release and shown, never a reason to roll that release back.
 */
public final class AlertDecider {
    /** Severities that notify and never roll back (the warning tiers of the rules). */
    public static final Set<String> NOTIFY_ONLY = Set.of("warning", "info", "none");

    private final String service;
    private final Set<String> environments;

    /**
     * @param service the service whose releases this receiver can roll back (the spec's service)
     * @param environments the environments it knows (the spec's); alerts for others are ignored
     */
    public AlertDecider(String service, Set<String> environments) {
        if (service == null || service.isBlank()) {
            throw new InvalidInputException("the alert decider needs a service name");
        }
        this.service = service;
        this.environments = Set.copyOf(environments);
    }

    /**
     * The firing alerts of one service + environment in one notification.
     *
     * @param alertKeys one key per alert (group key, fingerprint, start time), what the ledger records as handled
     */
    public record AlertTarget(
            String service, String environment, String groupKey, List<Alert> alerts, List<String> alertKeys) {
        public AlertTarget {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(groupKey, "groupKey");
            alerts = List.copyOf(alerts);
            alertKeys = List.copyOf(alertKeys);
            if (alerts.isEmpty() || alerts.size() != alertKeys.size()) {
                throw new IllegalArgumentException("a target needs its alerts and one key per alert");
            }
        }
    }

    /**
     * Where the alerts of a notification point.
     *
     * @param targets service + environment pairs with firing alerts that ask for a rollback, in order of appearance
     * @param notes why the other alerts lead to nothing (resolved, warning, unknown service, missing labels)
     */
    public record AlertRouting(List<AlertTarget> targets, List<String> notes) {
        public AlertRouting {
            targets = List.copyOf(targets);
            notes = List.copyOf(notes);
        }
    }

    /** What to do for one target. */
    public enum Action {
        /** Roll the release in progress back. */
        ROLLBACK,
        /** No release in progress for that service + environment: nothing to roll back. */
        NOTHING_IN_PROGRESS,
        /** Every alert was handled by an earlier webhook: do nothing new. */
        ALREADY_HANDLED,
        /**
         * Every new alert started before the release in progress did: record it on the release (a notice) and leave
         * the release alone.
         */
        PREDATES_RELEASE
    }

    /**
     * The decision for one target.
     *
     * @param releaseId the release to roll back (ROLLBACK) or to record the alerts on (PREDATES_RELEASE)
     * @param reason the ledger reason (ROLLBACK), the notice to record (PREDATES_RELEASE) or the note for the caller
     * @param cause the alerts behind the decision, for the ledger (ROLLBACK only)
     * @param newAlertKeys keys of the alerts not handled before (ROLLBACK, PREDATES_RELEASE; to record once done)
     * @param predating the new alerts that started before the release, as a sentence; empty when none
     */
    public record AlertDecision(
            Action action,
            AlertTarget target,
            @Nullable UUID releaseId,
            String reason,
            RollbackCause.@Nullable Alerts cause,
            List<String> newAlertKeys,
            String predating) {
        public AlertDecision {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            newAlertKeys = List.copyOf(newAlertKeys);
            Objects.requireNonNull(predating, "predating");
            boolean onRelease = action == Action.ROLLBACK || action == Action.PREDATES_RELEASE;
            if (onRelease != (releaseId != null) || (action == Action.ROLLBACK) != (cause != null)) {
                throw new IllegalArgumentException(
                        "a release id goes with ROLLBACK and PREDATES_RELEASE, a cause with ROLLBACK only");
            }
        }

        /** A decision without alerts that predate the release. */
        public AlertDecision(
                Action action,
                AlertTarget target,
                @Nullable UUID releaseId,
                String reason,
                RollbackCause.@Nullable Alerts cause,
                List<String> newAlertKeys) {
            this(action, target, releaseId, reason, cause, newAlertKeys, "");
        }
    }

    /** Groups the firing, rollback-worthy alerts of {@code notification} by service + environment. */
    public AlertRouting route(AlertNotification notification) {
        Map<String, List<Alert>> byTarget = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (notification.alerts().isEmpty()) {
            notes.add("the notification holds no alerts");
        }
        for (Alert alert : notification.alerts()) {
            if (!alert.firing()) {
                notes.add("alert " + alert.name() + " is " + alert.status() + ": nothing to do");
                continue;
            }
            String alertService = label(alert, notification, "service");
            String environment = label(alert, notification, "environment");
            String severity = label(alert, notification, "severity");
            if (alertService == null || environment == null) {
                notes.add("alert " + alert.name() + " has no service and environment labels: ignored");
            } else if (!alertService.equals(service)) {
                notes.add("alert " + alert.name() + " is for service " + alertService + ", this receiver rolls back "
                        + service + ": ignored");
            } else if (!environments.isEmpty() && !environments.contains(environment)) {
                notes.add("alert " + alert.name() + " is for environment " + environment
                        + ", which the spec does not declare: ignored");
            } else if (severity != null && NOTIFY_ONLY.contains(severity.toLowerCase(Locale.ROOT))) {
                notes.add("alert " + alert.name() + " has severity " + severity + ": notify only, no rollback");
            } else {
                byTarget.computeIfAbsent(environment, e -> new ArrayList<>()).add(alert);
            }
        }
        List<AlertTarget> targets = new ArrayList<>();
        byTarget.forEach((environment, alerts) -> targets.add(new AlertTarget(
                service,
                environment,
                notification.groupKey(),
                alerts,
                alerts.stream().map(a -> alertKey(notification.groupKey(), a)).toList())));
        return new AlertRouting(targets, notes);
    }

    /**
     * What to do for {@code target}.
     *
     * @param inProgress the release holding the lock of the target's service + environment, if any
     * @param handledKeys the target's alert keys the ledger already records as handled
     */
    public AlertDecision decide(AlertTarget target, Optional<Release> inProgress, Set<String> handledKeys) {
        List<String> newKeys = target.alertKeys().stream()
                .filter(key -> !handledKeys.contains(key))
                .toList();
        String names = target.alerts().stream().map(Alert::name).distinct().collect(Collectors.joining(", "));
        if (newKeys.isEmpty()) {
            return new AlertDecision(
                    Action.ALREADY_HANDLED,
                    target,
                    null,
                    "alert " + names + " of group " + target.groupKey() + " was already handled: nothing new",
                    null,
                    List.of());
        }
        if (inProgress.isEmpty()) {
            return new AlertDecision(
                    Action.NOTHING_IN_PROGRESS,
                    target,
                    null,
                    "alert " + names + ": no release of " + target.service() + " in " + target.environment()
                            + " is in progress, nothing to roll back",
                    null,
                    List.of());
        }
        Release release = inProgress.get();
        List<Alert> fresh = new ArrayList<>();
        List<String> freshKeys = new ArrayList<>();
        List<Alert> older = new ArrayList<>();
        for (int i = 0; i < target.alerts().size(); i++) {
            Alert alert = target.alerts().get(i);
            String key = target.alertKeys().get(i);
            if (!newKeys.contains(key)) {
                continue;
            }
            if (predates(alert, release.startedAt())) {
                older.add(alert);
            } else {
                fresh.add(alert);
                freshKeys.add(key);
            }
        }
        String predating = older.isEmpty()
                ? ""
                : "alert" + (older.size() > 1 ? "s " : " ")
                        + older.stream()
                                .map(a -> a.name() + " firing since " + a.startsAt() + " " + new TreeMap<>(a.labels()))
                                .collect(Collectors.joining("; "))
                        + " predate" + (older.size() > 1 ? "" : "s") + " release " + release.version() + " (started "
                        + release.startedAt() + "): recorded, not rolled back";
        if (fresh.isEmpty()) {
            return new AlertDecision(
                    Action.PREDATES_RELEASE, target, release.id(), predating, null, newKeys, predating);
        }
        AlertTarget acting =
                new AlertTarget(target.service(), target.environment(), target.groupKey(), fresh, freshKeys);
        return new AlertDecision(
                Action.ROLLBACK, target, release.id(), reason(acting), cause(acting), newKeys, predating);
    }

    /**
     * Whether {@code alert} started before {@code releaseStart}; an alert without a readable start time counts as new
     * (acting on it is the safe side).
     */
    static boolean predates(Alert alert, Instant releaseStart) {
        if (alert.startsAt().isBlank()) {
            return false;
        }
        try {
            return OffsetDateTime.parse(alert.startsAt()).toInstant().isBefore(releaseStart);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The key the ledger records for one alert of one group. */
    public static String alertKey(String groupKey, Alert alert) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(
                    (groupKey + "\n" + alert.fingerprint() + "\n" + alert.startsAt()).getBytes(StandardCharsets.UTF_8));
            return "am:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String reason(AlertTarget target) {
        StringBuilder reason = new StringBuilder("Alertmanager alert");
        reason.append(target.alerts().size() > 1 ? "s " : " ");
        List<String> parts = new ArrayList<>();
        for (Alert alert : target.alerts()) {
            StringBuilder part = new StringBuilder(alert.name())
                    .append(" firing since ")
                    .append(alert.startsAt().isEmpty() ? "(unknown)" : alert.startsAt());
            String summary = alert.annotations().get("summary");
            if (summary != null && !summary.isBlank()) {
                part.append(": ").append(summary.strip());
            }
            part.append(' ').append(new TreeMap<>(alert.labels()));
            parts.add(part.toString());
        }
        return reason.append(String.join("; ", parts)).toString();
    }

    private static RollbackCause.Alerts cause(AlertTarget target) {
        List<RollbackCause.FiredAlert> alerts = new ArrayList<>();
        for (Alert alert : target.alerts()) {
            alerts.add(new RollbackCause.FiredAlert(
                    alert.name(),
                    alert.labels(),
                    alert.startsAt(),
                    alert.fingerprint(),
                    alert.annotations().get("summary")));
        }
        return new RollbackCause.Alerts(target.groupKey(), alerts);
    }

    private static @Nullable String label(Alert alert, AlertNotification notification, String name) {
        String value = alert.labels().get(name);
        if (value == null || value.isBlank()) {
            value = notification.commonLabels().get(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
