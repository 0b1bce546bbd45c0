package io.releasepilot.core.events;

import java.util.List;

/**
 * Port: the transactional outbox the ledger writes its events into. The relay claims batches of unsent rows; only one
 * relay works at a time (the store serialises them), so events leave in outbox order.
 */
public interface Outbox {

    /**
     * Claims up to {@code limit} unsent rows in sequence order. The claim holds until the batch is closed; another relay
     * claiming meanwhile gets an empty batch. Rows not marked sent before close stay unsent.
     */
    RelayBatch claim(int limit);

    /** Reads rows, sent or not, in sequence order. */
    List<OutboxEntry> read(OutboxQuery query);

    /** How many rows wait for the relay. */
    long unsentCount();

    /** A claimed batch: mark what was acknowledged, then close (commits the marks and releases the claim). */
    interface RelayBatch extends AutoCloseable {
        List<OutboxEntry> entries();

        /** Records that these rows were acknowledged by the broker; durable once this returns. */
        void markSent(List<OutboxEntry> acknowledged);

        @Override
        void close();
    }
}
