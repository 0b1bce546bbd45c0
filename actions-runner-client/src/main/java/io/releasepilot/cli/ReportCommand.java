package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.notify.IncidentReport;
import io.releasepilot.core.notify.engine.PostIncidentReports;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-pilot report}: the post-incident report of a release, from the ledger and Prometheus. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Print the post-incident report of a release: every ledger step, verdict, traffic change, alert and",
            "operator action in time order, and, with a spec whose metrics.prometheus has queries, their values from",
            "10 minutes before to 5 minutes after the rollback (Prometheus range queries)."
        })
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--release-id", required = true, paramLabel = "ID", description = "The release (a UUID).")
    String releaseId;

    @Option(
            names = "--format",
            defaultValue = "markdown",
            paramLabel = "markdown|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            description = "The spec whose Prometheus queries to chart (default: release-pilot.yml when it exists).")
    Path specFile;

    @Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("markdown") && !format.equals("json")) {
            throw new InvalidInputException("--format must be markdown or json, was '" + format + "'");
        }
        UUID id;
        try {
            id = UUID.fromString(releaseId.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--release-id must be a release UUID, was '" + releaseId + "'");
        }
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        Path specPath = specFile != null ? specFile : Path.of("release-pilot.yml");
        Optional<PrometheusSpec> prometheus = specFile != null || Files.isRegularFile(specPath)
                ? SpecReader.read(specPath).value().metrics().prometheus()
                : Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        try (PostgresReleaseStore store =
                PostgresReleaseStore.open(ledger.config(env, spec.commandLine().getErr(), null))) {
            IncidentReport report = PostIncidentReports.build(
                    store, id, prometheus, env, Duration.ofMinutes(10), Duration.ofMinutes(5));
            out.println(format.equals("json") ? report.json() : report.markdown());
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
