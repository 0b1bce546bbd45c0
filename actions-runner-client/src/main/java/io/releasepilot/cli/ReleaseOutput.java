package io.releasepilot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.state.AuditEntry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders outcomes and audit entries of the release commands as text or JSON. */
final class ReleaseOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReleaseOutput() {}

    static void outcome(PrintWriter out, OutputFormat format, ReleaseOutcome outcome) {
        if (format == OutputFormat.json) {
            Map<String, @Nullable Object> json = new LinkedHashMap<>();
            json.put("releaseId", outcome.releaseId().toString());
            json.put("state", outcome.state().name());
            json.put("version", outcome.version());
            json.put("environment", outcome.environment());
            json.put("reason", outcome.reason());
            json.put("report", outcome.report());
            out.println(json(json));
        } else {
            out.println("Release " + outcome.version() + " in " + outcome.environment() + ": " + outcome.state() + " ("
                    + outcome.reason() + ")");
            out.println();
            out.print(outcome.report());
        }
        out.flush();
    }

    static void audit(PrintWriter out, OutputFormat format, AuditEntry entry) {
        if (format == OutputFormat.json) {
            Map<String, @Nullable Object> json = new LinkedHashMap<>();
            json.put("releaseId", entry.releaseId().toString());
            json.put("action", entry.action().name());
            json.put("actor", entry.actor().name());
            json.put("ciRunUrl", entry.actor().ciRunUrl());
            json.put("reason", entry.reason());
            json.put("at", entry.at().toString());
            out.println(json(json));
        } else {
            out.println(entry.action() + " recorded for release " + entry.releaseId() + " by " + entry.actor()
                    + (entry.reason() == null ? "" : ": " + entry.reason()));
        }
        out.flush();
    }

    /**
     * The step outputs every release command writes on GitHub Actions: {@code result} (the final state in lower case
     * with hyphens, e.g. {@code succeeded}, {@code rolled-back}), {@code release-id}, {@code state}, {@code version},
     * {@code environment}.
     */
    static void actionsOutputs(ActionsStep step, ReleaseOutcome outcome) {
        step.output(
                "result",
                outcome.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        step.output("release-id", outcome.releaseId().toString());
        step.output("state", outcome.state().name());
        step.output("version", outcome.version());
        step.output("environment", outcome.environment());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    static int exitCode(ReleaseOutcome outcome) {
        return outcome.succeeded() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
