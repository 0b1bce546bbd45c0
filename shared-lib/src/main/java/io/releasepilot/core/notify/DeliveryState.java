package io.releasepilot.core.notify;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Not delivered yet; attempted again at its next attempt time. */
    PENDING,
    /** The provider accepted it. */
    DELIVERED,
    /** Given up: rejected by the provider, or out of attempts. {@code notifications --retry ID} revives it. */
    DEAD
}
