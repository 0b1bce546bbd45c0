package io.releasepilot.core.events;

import io.releasepilot.core.InfrastructureException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves outbox rows to the broker: claims a batch in order, publishes each event and waits for its acknowledgement,
 * marks only acknowledged rows sent. A publish failure stops the batch (order is kept) and the relay retries with
 * exponential backoff. A crash between the acknowledgement and the mark republishes the event with the same id, which
 * JetStream drops as a duplicate, so the stream holds every event exactly once.
 *
 * <p>Use {@link #relayOnce()} from a loop you own (the CLI does), or {@link #start()} for a background thread.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * @param batchSize rows claimed per batch
     * @param idlePoll pause when the outbox is empty
     * @param initialBackoff first pause after a failure
     * @param maxBackoff longest pause after repeated failures
     */
    public record Options(int batchSize, Duration idlePoll, Duration initialBackoff, Duration maxBackoff) {
        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
            }
            Objects.requireNonNull(idlePoll, "idlePoll");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
        }

        public static Options defaults() {
            return new Options(256, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(10));
        }
    }

    /** What one pass did: how many rows were published, and the failure that stopped it, if any. */
    public record Pass(
            int published,
            @org.jspecify.annotations.Nullable InfrastructureException failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Options options;
    private volatile boolean running;
    private @org.jspecify.annotations.Nullable Thread thread;

    public OutboxRelay(Outbox outbox, EventPublisher publisher, Options options) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.options = Objects.requireNonNull(options, "options");
    }

    public OutboxRelay(Outbox outbox, EventPublisher publisher) {
        this(outbox, publisher, Options.defaults());
    }

    /**
     * One batch: publishes claimed rows in order until one fails, marks the acknowledged ones sent.
     *
     * @return the number published and, when publishing stopped early, why (a StateStoreException from the outbox is
     *     thrown instead, since nothing can be marked then)
     */
    public Pass relayOnce() {
        try (Outbox.RelayBatch batch = outbox.claim(options.batchSize())) {
            List<OutboxEntry> entries = batch.entries();
            InfrastructureException failure = null;
            int stored;
            try {
                stored = publisher.publishInOrder(entries);
            } catch (EventPublishException e) {
                failure = e;
                stored = 0;
            }
            if (stored < entries.size() && failure == null) {
                failure = new EventPublishException("the broker stored " + stored + " of " + entries.size()
                        + " events of this batch; the rest are published again on the next pass");
            }
            List<OutboxEntry> acknowledged = entries.subList(0, stored);
            if (!acknowledged.isEmpty()) {
                batch.markSent(acknowledged);
            }
            return new Pass(acknowledged.size(), failure);
        }
    }

    /**
     * Relays until the outbox is empty or {@code timeout} passed, backing off on failures.
     *
     * @return true when nothing is left unsent
     */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration backoff = options.initialBackoff();
        while (System.nanoTime() < deadline) {
            Pass pass;
            try {
                pass = relayOnce();
            } catch (InfrastructureException e) {
                pass = new Pass(0, e);
            }
            if (pass.failed()) {
                sleep(backoff);
                backoff = next(backoff);
            } else {
                backoff = options.initialBackoff();
                if (pass.published() == 0 && outbox.unsentCount() == 0) {
                    return true;
                }
            }
        }
        return outbox.unsentCount() == 0;
    }

    /** Starts a daemon thread that relays until {@link #close()}. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        Duration backoff = options.initialBackoff();
        while (running) {
            Pass pass;
            try {
                pass = relayOnce();
            } catch (InfrastructureException e) {
                pass = new Pass(0, e);
            }
            InfrastructureException failure = pass.failure();
            if (failure != null) {
                LOG.warn("outbox relay: {}; retrying in {} ms", failure.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = next(backoff);
            } else {
                backoff = options.initialBackoff();
                if (pass.published() == 0) {
                    sleep(options.idlePoll());
                }
            }
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the background thread, waiting up to 10 s for the current batch. Does not close the publisher. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
