package io.releasepilot.core.events;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Event ids as UUID version 7 (RFC 9562): the first 48 bits are the event's time in milliseconds, the rest random. Ids
 * of successive events sort by time, so the ledger's indexes on them grow at one end instead of at random pages.
 */
final class EventIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {}

    static UUID next(Instant time) {
        long millis = time.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long random = RANDOM.nextLong();
        long most = (millis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long least = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
