package io.releasepilot.core.rollout;

import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.StepKind;
import java.util.ArrayList;
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
                .map(step -> step.step().details())
                .filter(details -> ReleaseEngine.NO_SIGNAL.equals(details.get(ReleaseEngine.EVENT)))
                .findFirst()
                .ifPresent(details -> md.append("- **Promoted blind (no signal):** ")
                        .append(cell(String.valueOf(details.get("reason"))))
                        .append(" (")
                        .append(cell(String.valueOf(details.get("hint"))))
                        .append(")\n"));
        md.append("\n| Time | Step | What | Weights | Verdict | Details |\n|---|---|---|---|---|---|\n");
        List<String> rows = new ArrayList<>();
        String lastAnalysis = null;
        for (ReleaseStep step : steps) {
            Map<String, @Nullable Object> details = step.step().details();
            if (step.step().kind() == StepKind.ANALYSIS) {
                String key = step.step().stepIndex() + "/" + step.step().verdict();
                if (key.equals(lastAnalysis)) {
                    continue;
                }
                lastAnalysis = key;
            }
            Object event = details.get(ReleaseEngine.EVENT);
            rows.add("| " + step.recordedAt() + " | " + step.step().stepIndex() + " | "
                    + (event == null ? step.step().kind() : step.step().kind() + " " + event) + " | "
                    + (step.step().weights() == null
                            ? ""
                            : step.step().weights().stable() + "/"
                                    + step.step().weights().canary())
                    + " | " + (step.step().verdict() == null ? "" : step.step().verdict()) + " | "
                    + cell(summary(details)) + " |");
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

    private static String summary(Map<String, @Nullable Object> details) {
        StringBuilder text = new StringBuilder();
        details.forEach((key, value) -> {
            if (ReleaseEngine.EVENT.equals(key) || "at".equals(key) || value == null) {
                return;
            }
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(key).append('=').append(value);
        });
        return text.length() > 300 ? text.substring(0, 300) + "…" : text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
