package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.events.nats.NatsConfig;
import io.releasepilot.core.events.nats.NatsEventPublisher;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release-pilot events}: prints the release events of the ledger's outbox and, when {@code RP_NATS_URL} is set,
 * relays unsent ones to NATS JetStream first. Settings come from the environment ({@code RP_DATABASE_URL}, …; see
 * docs/state.md).
 */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = {
            "Print release events from the ledger's outbox (and relay them to NATS JetStream when RP_NATS_URL is set).",
            "Database: RP_DATABASE_URL, RP_DATABASE_USER, RP_DATABASE_PASSWORD[_FILE]; without a URL an embedded",
            "Postgres keeps its data in RP_STATE_DIR (default .release-pilot). With --format json, one CloudEvents",
            "document per line."
        })
public final class EventsCommand implements Callable<Integer> {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([smhdw])");

    @Option(names = "--follow", description = "Keep printing new events as they are written (Ctrl-C to stop).")
    boolean follow;

    @Mixin
    FormatOption output;

    @Option(names = "--service", description = "Only this service (exact name).")
    String service;

    @Option(names = "--environment", description = "Only this environment (exact name).")
    String environment;

    @Option(
            names = "--since",
            description = "Only events written since this time: an ISO-8601 instant (2026-01-31T12:00:00Z) or an"
                    + " age such as 30m, 2h, 7d.")
    String since;

    @Option(names = "--limit", defaultValue = "1000", description = "Most events per read (default 1000).")
    int limit;

    @Option(names = "--poll-interval-ms", defaultValue = "1000", hidden = true)
    long pollIntervalMillis;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Null when picocli creates the command: the environment then comes from the root command.
    private final @Nullable Map<String, String> environmentOverride;

    public EventsCommand() {
        this.environmentOverride = null;
    }

    EventsCommand(Map<String, String> environmentVariables) {
        this.environmentOverride = Map.copyOf(environmentVariables);
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environmentVariables =
                environmentOverride != null ? environmentOverride : ReleasePilotCli.environmentOf(spec);
        Instant from = since == null ? null : parseSince(since, Instant.now());
        if (limit < 1 || limit > 100_000) {
            throw new InvalidInputException("--limit must be 1..100000, was " + limit);
        }
        StateStoreConfig config =
                ledger.config(environmentVariables, spec.commandLine().getErr(), null);
        Optional<NatsConfig> nats = NatsConfig.fromEnvironment(environmentVariables);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(config);
                NatsEventPublisher publisher = nats.map(NatsEventPublisher::new).orElse(null);
                OutboxRelay relay = publisher == null ? null : new OutboxRelay(store.outbox(), publisher)) {
            OutboxQuery query = new OutboxQuery(service, environment, from, 0, limit);
            String lastWarning = null;
            do {
                if (relay != null) {
                    lastWarning = relay(relay, err, lastWarning);
                }
                List<OutboxEntry> entries = store.outbox().read(query);
                for (OutboxEntry entry : entries) {
                    out.println(output.json() ? entry.payload() : text(entry));
                    query = query.after(entry.sequence());
                }
                out.flush();
                if (follow && entries.size() < limit) {
                    Thread.sleep(pollIntervalMillis);
                }
            } while (follow);
        }
        return ExitCode.OK.code();
    }

    /** Relays what is pending; NATS being down is reported (once per distinct message) and is not fatal. */
    private static String relay(OutboxRelay relay, PrintWriter err, String lastWarning) {
        OutboxRelay.Pass pass;
        do {
            pass = relay.relayOnce();
        } while (!pass.failed() && pass.published() > 0);
        if (pass.failed()) {
            String warning = "warning: events stay in the outbox, NATS relay failed: "
                    + pass.failure().getMessage();
            if (!warning.equals(lastWarning)) {
                err.println(warning);
                err.flush();
            }
            return warning;
        }
        return null;
    }

    private static String text(OutboxEntry entry) {
        return entry.createdAt() + "  "
                + entry.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + "  "
                + entry.service() + "/" + entry.environment() + "  release="
                + entry.event().releaseId()
                + "  id=" + entry.eventId() + (entry.sentAt() == null ? "  (not yet relayed)" : "");
    }

    static Instant parseSince(String value, Instant now) {
        Matcher relative = RELATIVE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--since must be an ISO-8601 instant (2026-01-31T12:00:00Z) or an age"
                    + " such as 30m, 2h, 7d; got '" + value + "'");
        }
    }
}
