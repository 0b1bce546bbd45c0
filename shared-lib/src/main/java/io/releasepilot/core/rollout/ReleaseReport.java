package io.releasepilot.core.rollout;

import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.VersionChecked;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown report of a release, built from the ledger only: the outcome, the audit trail and the steps (every
 * traffic change, hook, notice and verdict change; repeated analyses with the same verdict are folded).
 */
public final class ReleaseReport {
    private static final int MAX_ROWS = 400;

    private ReleaseReport() {}

    public static String markdown(Release release, List<ReleaseStep> steps, List<AuditEntry> audit) {
        StringBuilder md = new StringBuilder()
                .append("## Release ")
                .append(release.service())
                .append(' ')
                .append(release.version())
                .append(" → ")
                .append(release.environment())
                .append(": ")
                .append(release.state())
                .append("\n\n");
        md.append("- Release: `")
                .append(release.id())
                .append("` (")
                .append(release.request().strategy())
                .append(")\n");
        md.append("- Started: ")
                .append(release.startedAt())
                .append(" by ")
                .append(release.request().actor())
                .append('\n');
        if (release.finishedAt() != null) {
            md.append("- Finished: ").append(release.finishedAt()).append('\n');
        }
        if (release.finishReason() != null) {
            md.append("- Reason: ").append(cell(release.finishReason())).append('\n');
        }
        if (release.weights() != null) {
            md.append("- Weights: stable ")
                    .append(release.weights().stable())
                    .append(" % / new ")
                    .append(release.weights().canary())
                    .append(" %\n");
        }
        steps.stream()
                .map(step -> step.step().detail())
                .filter(StepDetail.NoSignal.class::isInstance)
                .map(StepDetail.NoSignal.class::cast)
                .findFirst()
                .ifPresent(blind -> md.append("- **Promoted blind (no signal):** ")
                        .append(cell(blind.reason()))
                        .append(" (")
                        .append(cell(blind.hint()))
                        .append(")\n"));
        md.append("\n| Time | Step | What | Weights | Verdict | Details |\n|---|---|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        String lastAnalysis = null;
        for (ReleaseStep step : steps) {
            StepDetail detail = step.step().detail();
            if (step.step().kind() == StepKind.ANALYSIS) {
                String key = step.step().stepIndex() + "/" + step.step().verdict();
                if (key.equals(lastAnalysis)) {
                    continue;
                }
                lastAnalysis = key;
            }
            rows.add("| " + step.recordedAt() + " | " + step.step().stepIndex() + " | " + what(step) + " | "
                    + (step.step().weights() == null
                            ? ""
                            : step.step().weights().stable() + "/"
                                    + step.step().weights().canary())
                    + " | " + (step.step().verdict() == null ? "" : step.step().verdict()) + " | "
                    + cell(abbreviate(describe(detail))) + " |");
        }
        if (rows.size() > MAX_ROWS) {
            int dropped = rows.size() - MAX_ROWS;
            rows = new ArrayList<>(rows.subList(dropped, rows.size()));
            md.append("| | | … ").append(dropped).append(" earlier rows omitted | | | |\n");
        }
        rows.forEach(row -> md.append(row).append('\n'));
        if (!audit.isEmpty()) {
            md.append("\n| Time | Action | Actor | Reason |\n|---|---|---|---|\n");
            for (AuditEntry entry : audit) {
                md.append("| ")
                        .append(entry.at())
                        .append(" | ")
                        .append(entry.action())
                        .append(" | ")
                        .append(cell(entry.actor().toString()))
                        .append(" | ")
                        .append(entry.reason() == null ? "" : cell(entry.reason()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The kind, with what happened for notes and traffic changes ({@code NOTE traffic-intent}). */
    static String what(ReleaseStep step) {
        StepKind kind = step.step().kind();
        String event = step.step().detail().event();
        boolean named = kind == StepKind.NOTE || kind == StepKind.TRAFFIC;
        return named && !event.isEmpty() ? kind + " " + event : kind.toString();
    }

    /** The values behind a step in one line, {@code key=value; …}, as the report and {@code status} show them. */
    public static String describe(StepDetail detail) {
        List<String> parts = new ArrayList<>();
        if (detail instanceof StepDetail.TrafficIntent intent) {
            add(parts, "stable", intent.weights().stable());
            add(parts, "canary", intent.weights().canary());
            add(parts, "reason", intent.reason());
        } else if (detail instanceof StepDetail.TrafficApplied applied) {
            add(parts, "router", applied.router());
            add(parts, "readBack", applied.readBack() == null ? null : split(applied.readBack()));
            add(parts, "reason", applied.reason());
        } else if (detail instanceof StepDetail.Analysis analysis) {
            if (analysis.judge() != null) {
                add(
                        parts,
                        "judge",
                        analysis.judge().verdict() + " (score "
                                + analysis.judge().score() + ")");
            }
            add(parts, "values", values(analysis.values()));
            add(parts, "thresholds", analysis.thresholds());
            add(parts, "verdict", analysis.verdict());
            add(parts, "version", analysis.version());
        } else if (detail instanceof StepDetail.HealthCheck health) {
            add(parts, "consecutiveFailures", health.consecutiveFailures());
        } else if (detail instanceof StepDetail.Gate gate) {
            add(parts, "verdict", gate.verdict());
            add(parts, "score", gate.score());
            add(parts, "reason", gate.reason());
            add(parts, "values", values(gate.values()));
        } else if (detail instanceof StepDetail.Phase phase) {
            add(parts, "phase", phase.phase());
            add(parts, "reason", phase.reason());
        } else if (detail instanceof StepDetail.Hook hook) {
            add(parts, "hook", hook.name());
            add(parts, "command", hook.command().isEmpty() ? null : hook.command());
            add(parts, "exitCode", hook.exitCode());
            add(parts, "output", hook.output());
            add(parts, "result", hook.succeeded() ? "SUCCEEDED" : "FAILED");
        } else if (detail instanceof StepDetail.SmokeChecks smoke) {
            add(parts, "hook", StepDetail.SmokeChecks.NAME);
            add(
                    parts,
                    "checks",
                    smoke.checks().stream()
                            .map(c -> c.url() + " " + c.expectStatus() + (c.passed() ? " passed" : " failed"))
                            .toList());
            add(parts, "result", smoke.succeeded() ? "SUCCEEDED" : "FAILED");
        } else if (detail instanceof StepDetail.Reconciled reconciled) {
            add(parts, "found", split(reconciled.found()));
            add(parts, "applied", split(reconciled.applied()));
            add(parts, "router", reconciled.router());
        } else if (detail instanceof StepDetail.Resumed resumed) {
            add(parts, "by", resumed.by());
            add(parts, "takeover", resumed.takeover());
        } else if (detail instanceof StepDetail.Notice notice) {
            add(parts, "message", notice.message());
        } else if (detail instanceof StepDetail.NoSignal blind) {
            add(parts, "reason", blind.reason());
            add(parts, "hint", blind.hint());
        } else if (detail instanceof StepDetail.RollbackStarted rollback) {
            cause(parts, rollback.cause());
            add(parts, "reason", rollback.reason());
            add(parts, "actor", rollback.actor());
        } else if (detail instanceof StepDetail.HostNote note) {
            add(parts, "stepReleaseId", note.hostReleaseId());
            add(parts, "build", note.run());
            add(parts, "buildUrl", note.runUrl());
            add(parts, "actor", note.actor());
            add(parts, "result", note.result());
        } else if (detail instanceof VersionChecked check) {
            add(parts, "expected", check.expected());
            add(parts, "result", check.result());
            add(
                    parts,
                    "servers",
                    check.servers().stream()
                            .map(s -> s.server() + "=" + (s.observed() == null ? "?" : s.observed()))
                            .toList());
        } else if (detail instanceof StepDetail.Unrecognised unrecognised) {
            parts.add(unrecognised.json());
        }
        return String.join("; ", parts);
    }

    private static void cause(List<String> parts, RollbackCause cause) {
        if (cause instanceof RollbackCause.Triggers triggers) {
            add(parts, "trigger", triggers.triggers());
            add(parts, "evaluations", triggers.evaluations());
            add(parts, "values", values(triggers.values()));
        } else if (cause instanceof RollbackCause.Operator operator) {
            add(parts, "manual", true);
            add(parts, "from", operator.from());
            add(parts, "to", operator.to());
        } else if (cause instanceof RollbackCause.Alerts alerts) {
            add(parts, "trigger", "alertmanager");
            add(parts, "groupKey", alerts.groupKey());
            add(
                    parts,
                    "alerts",
                    alerts.alerts().stream().map(RollbackCause.FiredAlert::name).toList());
        }
    }

    private static void add(List<String> parts, String key, @Nullable Object value) {
        if (value != null) {
            parts.add(key + "=" + value);
        }
    }

    /** Measured values with a missing one shown as n/a rather than NaN. */
    private static Map<String, String> values(Map<String, Double> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((metric, value) -> shown.put(metric, value.isNaN() ? "n/a" : value.toString()));
        return shown;
    }

    private static String split(TrafficSplit weights) {
        return weights.stable() + "/" + weights.canary();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
