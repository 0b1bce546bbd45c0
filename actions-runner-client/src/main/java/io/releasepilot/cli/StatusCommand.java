package io.releasepilot.cli;

import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.application.ReleaseStatus;
import io.releasepilot.core.rollout.ReleaseReport;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.StepDetail;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release-pilot status}: the release in progress (else the latest one) of an environment: state, step,
 * weights recorded and read back from the router, the latest analysis with its values, the latest notes. {@code
 * --watch} redraws in place until the release ends.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the current release of an environment: step, weights, latest verdicts (--watch to follow).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:bad input, or no release recorded", "3:infrastructure error"})
final class StatusCommand implements Callable<Integer> {
    private static final String CLEAR = "\u001b[H\u001b[2J";

    @Mixin
    ReleaseOptions release;

    @Option(names = "--watch", description = "refresh in place until the release ends")
    boolean watch;

    @Option(
            names = "--interval",
            defaultValue = "2s",
            description = "refresh interval with --watch (default: ${DEFAULT-VALUE})",
            converter = DurationConverter.class)
    Duration interval;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (ReleaseSession session = release.session(ReleasePilotCli.environmentOf(spec), ledger.config(spec, null))) {
            ReleaseStatus status = new ReleaseStatus(session);
            while (true) {
                ReleaseStatus.Snapshot snapshot = status.read();
                Map<String, @Nullable Object> shown = status(snapshot);
                if (release.format == OutputFormat.json) {
                    out.println(ReleaseOutput.json(shown));
                } else {
                    if (watch) {
                        out.print(CLEAR);
                    }
                    out.print(text(shown));
                }
                out.flush();
                if (!watch || !snapshot.release().state().active()) {
                    return ExitCode.OK.code();
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }

    private static Map<String, @Nullable Object> status(ReleaseStatus.Snapshot snapshot) {
        Release release = snapshot.release();
        Map<String, @Nullable Object> status = new LinkedHashMap<>();
        status.put("service", release.service());
        status.put("environment", release.environment());
        status.put("releaseId", release.id().toString());
        status.put("version", release.version());
        status.put("strategy", release.request().strategy().name());
        status.put("state", release.state().name());
        status.put("step", release.currentStep());
        status.put(
                "stableWeight",
                release.weights() == null ? null : release.weights().stable());
        status.put(
                "canaryWeight",
                release.weights() == null ? null : release.weights().canary());
        status.put("startedAt", release.startedAt().toString());
        status.put(
                "finishedAt",
                release.finishedAt() == null ? null : release.finishedAt().toString());
        status.put("reason", release.finishReason());
        status.put("lockHolder", release.state().active() ? release.lockHolder().describe() : null);
        status.put("router", snapshot.router().describe());
        List<Map<String, @Nullable Object>> slots = new ArrayList<>();
        for (Slot slot : snapshot.slots().slots()) {
            Map<String, @Nullable Object> one = new LinkedHashMap<>();
            one.put("slot", slot.name());
            one.put("version", slot.version());
            one.put("state", slot.state().name().toLowerCase(java.util.Locale.ROOT));
            one.put("since", slot.since().toString());
            slots.add(one);
        }
        status.put("slots", slots);
        snapshot.latestAnalysis().ifPresent(step -> {
            if (!(step.step().detail() instanceof StepDetail.Analysis analysis)) {
                return;
            }
            Map<String, @Nullable Object> latest = new LinkedHashMap<>();
            latest.put("at", step.recordedAt().toString());
            latest.put("verdict", analysis.verdict().name());
            Map<String, @Nullable Double> values = new LinkedHashMap<>();
            // JSON has no NaN: a metric without a value is null, as the ledger keeps it.
            analysis.values().forEach((metric, value) -> values.put(metric, value.isNaN() ? null : value));
            latest.put("values", values);
            // As the spec writes them ("< 1%").
            latest.put("thresholds", analysis.thresholds());
            status.put("latestAnalysis", latest);
        });
        List<String> notes = new ArrayList<>();
        for (ReleaseStep step : snapshot.recentNotes(5)) {
            notes.add(step.recordedAt() + " " + step.step().detail().event() + " "
                    + ReleaseReport.describe(step.step().detail()));
        }
        status.put("recent", notes);
        return status;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, @Nullable Object> status) {
        StringBuilder text = new StringBuilder();
        text.append("Release ")
                .append(status.get("version"))
                .append(" of ")
                .append(status.get("service"))
                .append(" in ")
                .append(status.get("environment"))
                .append(": ")
                .append(status.get("state"))
                .append('\n');
        text.append("  id        ")
                .append(status.get("releaseId"))
                .append(" (")
                .append(status.get("strategy"))
                .append(")\n");
        text.append("  step      ").append(status.get("step")).append('\n');
        text.append("  weights   live ")
                .append(status.get("stableWeight"))
                .append(" % / target ")
                .append(status.get("canaryWeight"))
                .append(" % (router reads ")
                .append(status.get("router"))
                .append(")\n");
        for (Object slot : (List<Object>) status.get("slots")) {
            if (slot instanceof Map<?, ?> one) {
                text.append("  slot      ")
                        .append(one.get("slot"))
                        .append(": ")
                        .append(one.get("version") == null ? "(unknown version)" : one.get("version"))
                        .append(' ')
                        .append(one.get("state"))
                        .append(" since ")
                        .append(one.get("since"))
                        .append('\n');
            }
        }
        if (status.get("reason") != null) {
            text.append("  reason    ").append(status.get("reason")).append('\n');
        }
        if (status.get("lockHolder") != null) {
            text.append("  lock      ").append(status.get("lockHolder")).append('\n');
        }
        Object latest = status.get("latestAnalysis");
        if (latest instanceof Map<?, ?> analysis) {
            text.append("  analysis  ")
                    .append(analysis.get("verdict"))
                    .append(" at ")
                    .append(analysis.get("at"))
                    .append(" values ")
                    .append(analysis.get("values"))
                    .append(" thresholds ")
                    .append(analysis.get("thresholds"))
                    .append('\n');
        }
        for (String line : (List<String>) status.get("recent")) {
            text.append("  · ").append(line).append('\n');
        }
        return text.toString();
    }

    /** Parses {@code 500ms}, {@code 2s}, {@code 1m}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip();
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException(
                    "expected a duration like 500ms, 2s or 1m, got '" + value + "'");
        }
    }
}
