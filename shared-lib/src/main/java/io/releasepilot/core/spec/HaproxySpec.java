package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * HAProxy through its runtime API, over a unix socket or TCP (exactly one of the two).
 *
 * @param address {@code host:port} of the runtime API over TCP
 * @param slots the two slots, each a pool of server names in {@code backend}
 */
public record HaproxySpec(
        Optional<String> socket, Optional<String> address, String backend, SlotsSpec slots, Duration timeout) {
    public HaproxySpec {
        Require.optional(socket, "socket");
        Require.optional(address, "address");
        if (socket.isPresent() == address.isPresent()) {
            throw new IllegalArgumentException("haproxy needs exactly one of socket and address");
        }
        Require.text(backend, "backend");
        Require.present(slots, "slots");
        Require.positive(timeout, "timeout");
    }
}
