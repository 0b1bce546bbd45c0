package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.dora.DeploymentHistory;
import io.releasepilot.core.dora.DoraEvaluator;
import io.releasepilot.core.dora.DoraReport;
import io.releasepilot.core.dora.DoraReportRenderer;
import io.releasepilot.core.dora.DoraTargets;
import io.releasepilot.core.dora.LedgerDeploymentHistory;
import io.releasepilot.core.dora.json.JsonFileDeploymentHistory;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-pilot dora}: the four DORA figures over a window, beside the seed targets and the DORA bands. */
@Command(
        name = "dora",
        mixinStandardHelpOptions = true,
        description = "DORA metrics (deployment frequency, lead time, change failure rate, time to restore) from the "
                + "release ledger or --from-file.")
public final class DoraCommand implements Runnable {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)([mhdw])");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @Option(
            names = "--since",
            required = true,
            paramLabel = "WINDOW",
            description = "Window start: a duration back from now (30d, 12h, 90m, 2w) or an ISO-8601 instant")
    String since;

    @Option(names = "--service", description = "The service (required for the ledger; a --from-file may hold several)")
    String service;

    @Option(
            names = "--environment",
            defaultValue = "production",
            description = "Environment; default: ${DEFAULT-VALUE}")
    String environment;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown; default: text")
    OutputFormat format;

    @Option(
            names = "--from-file",
            paramLabel = "FILE",
            description = "Read deployments from this JSON file instead of the ledger")
    Path fromFile;

    @Override
    public void run() {
        Instant now = Instant.now();
        Instant start = windowStart(since, now);
        DoraReport report;
        if (fromFile != null) {
            report = evaluate(JsonFileDeploymentHistory.read(fromFile), start, now);
        } else {
            if (service == null || service.isBlank()) {
                throw new InvalidInputException("DORA figures from the ledger are per service: give --service NAME "
                        + "(or --from-file deployments.json)");
            }
            // The ledger: RP_DATABASE_URL, else the embedded Postgres under .release-pilot/ (refused in CI unless
            // --ephemeral-ledger, as for every ledger command).
            try (ReleaseStore store = PostgresReleaseStore.open(ledger.config(spec, null))) {
                report = evaluate(new LedgerDeploymentHistory(store), start, now);
            }
        }
        DoraReportRenderer renderer = new DoraReportRenderer();
        String rendered = format == OutputFormat.json
                ? renderer.json(report)
                : format == OutputFormat.markdown ? renderer.markdown(report) : renderer.text(report);
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
    }

    private DoraReport evaluate(DeploymentHistory history, Instant start, Instant now) {
        return new DoraEvaluator()
                .evaluate(
                        history.deployments(service == null ? "" : service, environment, start),
                        start,
                        now,
                        DoraTargets.seed(),
                        service == null ? "*" : service,
                        environment);
    }

    static Instant windowStart(String text, Instant now) {
        Matcher m = RELATIVE.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            if (amount <= 0) {
                throw new InvalidInputException("--since '" + text + "' must be a positive duration");
            }
            Duration unit = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "w" -> Duration.ofDays(7);
                default -> Duration.ofDays(1);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            Instant instant = Instant.parse(text.strip());
            if (!instant.isBefore(now)) {
                throw new InvalidInputException("--since " + text + " is not in the past");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "--since '" + text + "' is neither a duration like 30d/12h/90m/2w nor an ISO-8601 instant", e);
        }
    }
}
