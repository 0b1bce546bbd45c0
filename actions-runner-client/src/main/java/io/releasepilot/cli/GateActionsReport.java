package io.releasepilot.cli;

import io.releasepilot.cli.github.CommitState;
import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.application.GateCheck;
import io.releasepilot.core.gate.Finding;
import io.releasepilot.core.gate.GateEvaluator;
import io.releasepilot.core.gate.GateSource;
import io.releasepilot.core.gate.GateVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The gate's GitHub side: the step outputs ({@code result}, {@code verdict}, {@code score}, {@code summary}, {@code
 * report-file}), the job summary, one annotation per finding, and, when asked, the {@code release-pilot/gate} commit
 * status. It lives next to {@link ActionsStep}, whose runner contract it writes through.
 */
final class GateActionsReport {
    private final ActionsStep step;

    GateActionsReport(ActionsStep step) {
        this.step = step;
    }

    /**
     * Reports the gate's result on the runner.
     *
     * @param output where the report was written (--output), or null to write the Markdown report to a temporary file
     * @param commitStatus whether to set the commit status
     * @param sha the commit for the status (--sha), or null for the runner's GITHUB_SHA
     */
    void report(GateCheck.Result result, @Nullable Path output, boolean commitStatus, @Nullable String sha) {
        GateVerdict verdict = result.verdict();
        String summary = "Quality gate " + verdict.verdict() + " (score " + GateEvaluator.format(verdict.score())
                + "): " + verdict.reason();
        String markdown = result.run().report().toMarkdown();
        Path reportFile = output != null ? output : writeTemp(markdown);
        step.output(
                "result",
                switch (verdict.verdict()) {
                    case PASS -> "passed";
                    case WARNING -> "warning";
                    case FAIL -> "failed";
                    case INCONCLUSIVE -> "inconclusive";
                });
        step.output("verdict", verdict.verdict().name());
        step.output("score", GateEvaluator.format(verdict.score()));
        step.output("summary", summary);
        step.output("report-file", reportFile.toAbsolutePath().toString());
        step.summary(markdown);
        for (GateSource source : result.plan().sources()) {
            for (Finding finding : source.findings()) {
                step.annotate(finding);
            }
        }
        if (commitStatus) {
            setCommitStatus(verdict, summary, sha);
        }
    }

    private void setCommitStatus(GateVerdict verdict, String summary, @Nullable String sha) {
        String commit = sha != null && !sha.isBlank() ? sha : step.context().sha();
        if (commit.isBlank()) {
            step.warning("no commit for the release-pilot/gate status: set input sha (GITHUB_SHA is empty)");
            return;
        }
        step.github()
                .ifPresent(github -> step.run(
                        "set the release-pilot/gate commit status on " + commit,
                        () -> github.setGateStatus(
                                commit,
                                CommitState.forVerdict(verdict.verdict().name()),
                                summary,
                                step.runUrl().orElse(""))));
    }

    private static Path writeTemp(String markdown) {
        try {
            Path file = Files.createTempFile("release-pilot-gate-", ".md");
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InfrastructureException("cannot write the gate report to a temporary file: " + e.getMessage(), e);
        }
    }
}
