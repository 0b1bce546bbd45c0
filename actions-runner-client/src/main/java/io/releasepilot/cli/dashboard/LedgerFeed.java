package io.releasepilot.cli.dashboard;

import io.releasepilot.core.events.Outbox;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for the open pages: one thread follows the ledger's outbox (every write to a release adds a row,
 * so a new row is a change to show) and sends {@code event: ledger} with the last sequence to every listener; a comment
 * every 15 s keeps idle connections and proxies awake. Listeners that fail to take an event are dropped.
 */
final class LedgerFeed implements AutoCloseable {
    private static final int BATCH = 10_000;

    private final Outbox outbox;
    private final Set<OutputStream> listeners = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer;
    private volatile long last;
    private long heartbeat;

    LedgerFeed(Outbox outbox, Duration poll) {
        this.outbox = outbox;
        this.last = catchUp(0);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "release-pilot-dashboard-feed");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last outbox sequence, skipping every row already there (the pages show the state as of now). */
    private long catchUp(long from) {
        long at = from;
        while (true) {
            List<OutboxEntry> rows = outbox.read(OutboxQuery.all(BATCH).after(at));
            if (rows.isEmpty()) {
                return at;
            }
            at = rows.get(rows.size() - 1).sequence();
        }
    }

    long last() {
        return last;
    }

    /** Adds a listener; the caller keeps the exchange open until {@link #close()} or the client leaves. */
    void listen(OutputStream out) throws IOException {
        out.write(("retry: 2000\nevent: ready\ndata: " + last + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
    }

    int size() {
        return listeners.size();
    }

    private void poll() {
        try {
            long now = catchUp(last);
            if (now != last) {
                last = now;
                send("event: ledger\ndata: " + now + "\n\n");
            } else if (++heartbeat % 15 == 0) {
                send(": keep-alive\n\n");
            }
        } catch (RuntimeException e) {
            // The ledger is down for a moment: the pages keep what they show, and the next poll tries again.
        }
    }

    private void send(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : listeners) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                listeners.remove(out);
            }
        }
    }

    void leave(OutputStream out) {
        listeners.remove(out);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (OutputStream out : listeners) {
            try {
                out.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        listeners.clear();
    }
}
