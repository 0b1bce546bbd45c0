package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.engine.Channels;
import io.releasepilot.core.notify.engine.SampleNotification;
import io.releasepilot.core.notify.postgres.PostgresDeliveryLog;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-pilot notifications}: the delivery log — list, show the failed ones, send one again; and a test send. */
@Command(
        name = "notifications",
        mixinStandardHelpOptions = true,
        subcommands = NotificationsCommand.TestCommand.class,
        description = {
            "List notification deliveries (newest first), the failed ones with --failed, or queue a dead one again",
            "with --retry ID (release-pilot notify sends it). 'notifications test --spec FILE' sends a sample to every",
            "target of the spec and exits 1 naming any that failed."
        })
public final class NotificationsCommand implements Callable<Integer> {
    @Option(names = "--failed", description = "Only dead deliveries and pending ones that failed at least once.")
    boolean failed;

    @Option(names = "--retry", paramLabel = "ID", description = "Make this delivery due again, attempts reset.")
    Long retry;

    @Option(names = "--limit", defaultValue = "50", description = "Most deliveries listed (default 50).")
    int limit;

    @Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("--limit must be 1..10000, was " + limit);
        }
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PostgresReleaseStore store = PostgresReleaseStore.open(ledger.config(env, err, null))) {
            PostgresDeliveryLog log = new PostgresDeliveryLog(store.dataSource());
            if (retry != null) {
                if (!log.retry(retry, Instant.now())) {
                    throw new InvalidInputException("no undelivered delivery with id " + retry
                            + "; 'release-pilot notifications --failed' lists them");
                }
                out.println("delivery " + retry + " is due again; release-pilot notify sends it");
            } else {
                for (Delivery delivery : log.list(failed, limit)) {
                    out.println(line(delivery));
                }
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String line(Delivery delivery) {
        Notification n = delivery.notification();
        return delivery.id() + "  " + delivery.state() + "  attempts=" + delivery.attempts() + "  " + delivery.channel()
                + "  " + n.severity().name().toLowerCase(Locale.ROOT) + "  " + n.title()
                + (delivery.lastError() == null ? "" : "  last error: " + delivery.lastError());
    }

    /** {@code notifications test}: one sample to every target, straight through the channels (nothing is logged). */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Send a sample notification to every target of the spec; exit 1 naming those that failed.")
    static final class TestCommand implements Callable<Integer> {
        @Option(
                names = "--spec",
                paramLabel = "FILE",
                defaultValue = "release-pilot.yml",
                description = "The spec whose targets to try (default: ${DEFAULT-VALUE}).")
        Path specFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> env = ReleasePilotCli.environmentOf(spec);
            ReleaseSpec release = SpecReader.read(specFile).value();
            if (release.notifications().isEmpty()) {
                throw new InvalidInputException(specFile + " has no notifications to test");
            }
            PrintWriter out = spec.commandLine().getOut();
            Notification sample = SampleNotification.of(release.service(), Instant.now());
            List<String> failedNames = new ArrayList<>();
            for (NotificationChannel channel :
                    Channels.of(release.notifications(), env, Clock.systemUTC()).values()) {
                DeliveryOutcome outcome = channel.send(sample, Delivery.key(sample, channel.name()));
                if (outcome instanceof DeliveryOutcome.Delivered delivered) {
                    out.println("OK      " + channel.name() + ": " + delivered.receipt());
                } else {
                    failedNames.add(channel.name());
                    out.println("FAILED  " + channel.name() + ": " + outcome);
                }
            }
            if (!failedNames.isEmpty()) {
                out.println("failed: " + String.join(", ", failedNames));
            }
            out.flush();
            return failedNames.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILED.code();
        }
    }
}
