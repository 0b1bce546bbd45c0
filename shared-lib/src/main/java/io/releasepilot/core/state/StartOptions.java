package io.releasepilot.core.state;

import io.releasepilot.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ReleaseStore#start} treats a held environment lock.
 *
 * @param waitUpTo how long to wait for the holder to finish (zero: fail at once)
 * @param takeoverReason when not null, the holder's release is ended as ABORTED and the lock taken over, audited with
 *     this reason (for a holder whose process crashed)
 */
public record StartOptions(Duration waitUpTo, @Nullable String takeoverReason) {
    public StartOptions {
        Objects.requireNonNull(waitUpTo, "waitUpTo");
        if (waitUpTo.isNegative()) {
            throw new InvalidInputException("lock wait must not be negative, was " + waitUpTo);
        }
        if (takeoverReason != null) {
            LedgerInput.text("takeover reason", takeoverReason, LedgerInput.MAX_LONG_TEXT);
        }
    }

    /** Fail at once when the environment is locked. */
    public static StartOptions failFast() {
        return new StartOptions(Duration.ZERO, null);
    }

    /** Wait for the holder to finish, up to {@code timeout}. */
    public static StartOptions waitUpTo(Duration timeout) {
        return new StartOptions(timeout, null);
    }

    /** End the holder's release as ABORTED and take the lock (audited). */
    public static StartOptions takeover(String reason) {
        return new StartOptions(Duration.ZERO, reason);
    }

    public boolean takeover() {
        return takeoverReason != null;
    }
}
