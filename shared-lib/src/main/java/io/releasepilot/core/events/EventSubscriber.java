package io.releasepilot.core.events;

import java.time.Duration;

/**
 * Port: a durable subscription to release events. The broker remembers what the named consumer acknowledged, so a
 * restarted subscriber continues where it stopped. An event is acknowledged only after the handler returned; a handler
 * that throws gets the event again later.
 */
public interface EventSubscriber extends AutoCloseable {

    /** Handles one event; throwing asks for redelivery. */
    @FunctionalInterface
    interface Handler {
        void handle(ReleaseEvent event) throws Exception;
    }

    /**
     * Waits up to {@code wait} for at most {@code max} events, hands each to the handler in order and acknowledges it.
     *
     * @return how many events the handler accepted
     * @throws EventPublishException when the broker is unreachable
     */
    int poll(int max, Duration wait, Handler handler);

    @Override
    void close();
}
