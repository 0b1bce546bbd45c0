package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventSubjects;
import io.releasepilot.core.events.OutboxRelay;
import io.releasepilot.core.events.nats.NatsConfig;
import io.releasepilot.core.events.nats.NatsEventPublisher;
import io.releasepilot.core.events.nats.NatsEventSubscriber;
import io.releasepilot.core.notify.NotificationComposer;
import io.releasepilot.core.notify.NotificationRouter;
import io.releasepilot.core.notify.RetryPolicy;
import io.releasepilot.core.notify.engine.Channels;
import io.releasepilot.core.notify.engine.Notifier;
import io.releasepilot.core.notify.postgres.PostgresDeliveryLog;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release-pilot notify}: the notifier of one spec's service. Reads the release events after they committed
 * (the ledger's outbox, or a durable NATS consumer when RP_NATS_URL is set), records one delivery per event and
 * channel, and delivers them with retries. Runs beside {@code serve} and the pipelines, never inside a release, so a
 * slow channel never slows one (docs/notifications.md).
 */
@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        description = {
            "Deliver the notifications of a spec's service: Slack, email, PagerDuty, webhooks, tickets.",
            "Reads the ledger's outbox (or NATS JetStream with a durable consumer when RP_NATS_URL is set) and keeps",
            "running until stopped; --once delivers what is due and exits. URLs and secrets come from the environment",
            "variables the spec names; RP_PUBLIC_URL (optional) is where serve is reachable, for links."
        })
public final class NotifyCommand implements Callable<Integer> {
    @Option(
            names = "--spec",
            paramLabel = "FILE",
            defaultValue = "release-pilot.yml",
            description = "The spec whose notifications to deliver (default: ${DEFAULT-VALUE}).")
    Path specFile;

    @Option(names = "--once", description = "Read what is pending, attempt what is due, and exit.")
    boolean once;

    @Option(
            names = "--source",
            paramLabel = "outbox|nats",
            description = "Where events come from (default: nats when RP_NATS_URL is set, else outbox).")
    String source;

    @Option(names = "--poll-interval-ms", defaultValue = "500", hidden = true)
    long pollMillis;

    @Mixin
    LedgerOptions ledger;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        ReleaseSpec release = SpecReader.read(specFile).value();
        if (release.notifications().isEmpty()) {
            throw new InvalidInputException(specFile + " has no notifications; add a target (docs/notifications.md)");
        }
        Optional<NatsConfig> nats = NatsConfig.fromEnvironment(env);
        boolean fromNats = source == null ? nats.isPresent() : source.equals("nats");
        if (source != null && !source.equals("nats") && !source.equals("outbox")) {
            throw new InvalidInputException("--source must be outbox or nats, was '" + source + "'");
        }
        if (fromNats && nats.isEmpty()) {
            throw new InvalidInputException("--source nats needs RP_NATS_URL");
        }
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        var channels = Channels.of(release.notifications(), env, clock);
        try (PostgresReleaseStore store = PostgresReleaseStore.open(ledger.config(env, err, null))) {
            Notifier notifier = new Notifier(
                    release.service(),
                    store,
                    new PostgresDeliveryLog(store.dataSource()),
                    new NotificationComposer(env.get("RP_PUBLIC_URL")),
                    new NotificationRouter(release.notifications()),
                    channels,
                    RetryPolicy.defaults(),
                    clock,
                    RandomGenerator.getDefault());
            err.println("notify: " + release.service() + " → " + String.join(", ", channels.keySet()) + " (events from "
                    + (fromNats ? "NATS" : "the outbox") + ")");
            err.flush();
            if (fromNats) {
                runFromNats(notifier, store, nats.get(), release.service());
            } else {
                do {
                    while (notifier.intake(store.outbox(), 500) > 0) {
                        // read everything committed so far before sending
                    }
                    notifier.dispatch(100);
                    if (!once) {
                        Thread.sleep(pollMillis);
                    }
                } while (!once);
            }
        }
        return ExitCode.OK.code();
    }

    private void runFromNats(Notifier notifier, PostgresReleaseStore store, NatsConfig nats, String service)
            throws InterruptedException {
        String durable = ("release-pilot-notify-" + EventSubjects.token(service));
        durable = durable.substring(0, Math.min(64, durable.length()));
        try (NatsEventPublisher publisher = new NatsEventPublisher(nats);
                OutboxRelay relay = new OutboxRelay(store.outbox(), publisher);
                NatsEventSubscriber subscriber = new NatsEventSubscriber(
                        nats, durable, EventSubjects.filter(null, service), Duration.ofSeconds(60))) {
            do {
                relay.relayOnce();
                subscriber.poll(500, Duration.ofMillis(once ? 500 : pollMillis), notifier.handler());
                notifier.dispatch(100);
            } while (!once);
        }
    }
}
