package io.releasepilot.core.notify;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What one attempt to deliver a notification through a channel came to. */
public sealed interface DeliveryOutcome {

    /** The provider accepted it; {@code receipt} is what it answered (an id, a status). */
    record Delivered(String receipt) implements DeliveryOutcome {
        public Delivered {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * A failure worth retrying (timeout, 5xx, 429); {@code retryAfter} is the provider's own wait (Retry-After), when it
     * named one.
     */
    record Retry(String reason, @Nullable Duration retryAfter) implements DeliveryOutcome {
        public Retry {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The provider refused the request as malformed or unauthorised (4xx): retrying cannot help. */
    record Rejected(String reason) implements DeliveryOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
