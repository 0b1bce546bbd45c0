package io.releasepilot.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldBeVersionSevenUuidsOrderedByTime() {
        Instant earlier = Instant.parse("2026-11-25T10:00:00Z");
        UUID first = EventIds.next(earlier);
        UUID second = EventIds.next(earlier.plusMillis(1));

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(earlier.toEpochMilli());
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void shouldDifferWithinTheSameMillisecond() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(EventIds.next(now)).isNotEqualTo(EventIds.next(now));
    }
}
