package io.releasepilot.core.notify.engine;

import io.releasepilot.core.events.EventSubscriber;
import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.events.ReleaseEvent;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryLog;
import io.releasepilot.core.notify.DeliveryOutcome;
import io.releasepilot.core.notify.DeliveryState;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.NotificationComposer;
import io.releasepilot.core.notify.NotificationRouter;
import io.releasepilot.core.notify.RetryPolicy;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: reads release events after they committed (the ledger's outbox, or a durable NATS consumer), turns each
 * into one delivery per receiving channel in the delivery log, and works through the due deliveries with retries. It
 * runs beside the releases (its own process, {@code release-pilot notify}), so a slow or dead channel delays only its
 * own deliveries, never a release step.
 *
 * <p>Only events of the spec's service are read; other services have their own spec and notifier.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final String service;
    private final String consumer;
    private final ReleaseStore store;
    private final DeliveryLog log;
    private final NotificationComposer composer;
    private final NotificationRouter router;
    private final Map<String, NotificationChannel> channels;
    private final RetryPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param service the spec's service: events of other services are skipped
     * @param channels the configured channels by name (the router's target names)
     */
    public Notifier(
            String service,
            ReleaseStore store,
            DeliveryLog log,
            NotificationComposer composer,
            NotificationRouter router,
            Map<String, NotificationChannel> channels,
            RetryPolicy policy,
            Clock clock,
            RandomGenerator random) {
        this.service = Objects.requireNonNull(service, "service");
        this.consumer = "notifier:" + service;
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.router = Objects.requireNonNull(router, "router");
        this.channels = Map.copyOf(channels);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Reads up to {@code limit} outbox rows after this notifier's position and stores their deliveries, moving the
     * position in the same transaction.
     *
     * @return how many rows were read (0 when caught up)
     */
    public int intake(Outbox outbox, int limit) {
        long position = log.position(consumer);
        List<OutboxEntry> entries = outbox.read(OutboxQuery.all(limit).after(position));
        if (entries.isEmpty()) {
            return 0;
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            if (entry.service().equals(service)) {
                deliveries.addAll(deliveries(entry.event()));
            }
        }
        log.enqueue(deliveries, consumer, entries.get(entries.size() - 1).sequence());
        return entries.size();
    }

    /** The handler of a durable NATS consumer: stores the event's deliveries; a redelivered event adds none. */
    public EventSubscriber.Handler handler() {
        return event -> {
            if (event.service().equals(service)) {
                log.enqueue(deliveries(event), consumer, -1);
            }
        };
    }

    /** The deliveries an event makes: one per channel the router picks. */
    public List<Delivery> deliveries(ReleaseEvent event) {
        List<ReleaseStep> history = new ArrayList<>();
        for (ReleaseStep step : store.steps(event.releaseId())) {
            if (!step.recordedAt().isAfter(event.time())) {
                history.add(step);
            }
        }
        Optional<Notification> notification = composer.compose(event, history);
        if (notification.isEmpty()) {
            return List.of();
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (String channel : router.route(notification.get())) {
            deliveries.add(Delivery.pending(notification.get(), channel));
        }
        return deliveries;
    }

    /**
     * Attempts the due deliveries, at most {@code limit}.
     *
     * @return how many were attempted
     */
    public int dispatch(int limit) {
        return log.attemptDue(service, clock.instant(), limit, this::attempt);
    }

    private DeliveryLog.AttemptResult attempt(Delivery delivery) {
        Instant now = clock.instant();
        NotificationChannel channel = channels.get(delivery.channel());
        if (channel == null) {
            return new DeliveryLog.AttemptResult(
                    DeliveryState.DEAD,
                    now,
                    "no channel named '" + delivery.channel() + "' in the spec any more; fix the spec and retry it");
        }
        DeliveryOutcome outcome;
        try {
            outcome = channel.send(delivery.notification(), delivery.dedupKey());
        } catch (RuntimeException e) { // an adapter bug must not stop the other deliveries
            outcome = new DeliveryOutcome.Retry(e.toString(), null);
        }
        int attempts = delivery.attempts() + 1;
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            return new DeliveryLog.AttemptResult(DeliveryState.DELIVERED, now, delivered.receipt());
        }
        if (outcome instanceof DeliveryOutcome.Rejected rejected) {
            LOG.warn("{} rejected delivery {}: {}", delivery.channel(), delivery.id(), rejected.reason());
            return new DeliveryLog.AttemptResult(DeliveryState.DEAD, now, rejected.reason());
        }
        DeliveryOutcome.Retry retry = (DeliveryOutcome.Retry) outcome;
        if (policy.exhausted(attempts)) {
            LOG.warn(
                    "delivery {} to {} dead after {} attempts: {}",
                    delivery.id(),
                    delivery.channel(),
                    attempts,
                    retry.reason());
            return new DeliveryLog.AttemptResult(
                    DeliveryState.DEAD, now, "gave up after " + attempts + " attempts: " + retry.reason());
        }
        Duration wait = policy.delay(attempts, random.nextDouble(), retry.retryAfter());
        return new DeliveryLog.AttemptResult(DeliveryState.PENDING, now.plus(wait), retry.reason());
    }
}
