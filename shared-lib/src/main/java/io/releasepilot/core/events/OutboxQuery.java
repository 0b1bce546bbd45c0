package io.releasepilot.core.events;

import io.releasepilot.core.InvalidInputException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which outbox rows to read: optional exact service and environment, rows created at or after {@code since}, with a
 * sequence above {@code afterSequence} (for following), at most {@code limit}.
 */
public record OutboxQuery(
        @Nullable String service,
        @Nullable String environment,
        @Nullable Instant since,
        long afterSequence,
        int limit) {

    public OutboxQuery {
        if (limit < 1 || limit > 100_000) {
            throw new InvalidInputException("outbox query limit must be 1..100000, was " + limit);
        }
    }

    public static OutboxQuery all(int limit) {
        return new OutboxQuery(null, null, null, 0, limit);
    }

    public OutboxQuery after(long sequence) {
        return new OutboxQuery(service, environment, since, sequence, limit);
    }
}
