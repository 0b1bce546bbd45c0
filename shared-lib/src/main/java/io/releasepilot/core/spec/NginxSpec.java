package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * NGINX: Release Pilot renders the {@code upstream} block into {@code file}, runs {@code testCommand}, then
 * {@code reloadCommand}.
 *
 * @param slots the two slots, each a pool of upstream server addresses
 * @param status {@code host:port} of a status server rendered into the file, so the router reads back what NGINX has
 *     actually loaded
 */
public record NginxSpec(
        String upstream,
        String file,
        SlotsSpec slots,
        List<String> testCommand,
        List<String> reloadCommand,
        Duration timeout,
        Optional<String> status) {
    /** Without a status server. */
    public NginxSpec(
            String upstream,
            String file,
            SlotsSpec slots,
            List<String> testCommand,
            List<String> reloadCommand,
            Duration timeout) {
        this(upstream, file, slots, testCommand, reloadCommand, timeout, Optional.empty());
    }

    public NginxSpec {
        Require.optional(status, "status");
        Require.text(upstream, "upstream");
        Require.text(file, "file");
        Require.present(slots, "slots");
        testCommand = Require.list(testCommand, "testCommand");
        reloadCommand = Require.list(reloadCommand, "reloadCommand");
        if (testCommand.isEmpty() || reloadCommand.isEmpty()) {
            throw new IllegalArgumentException("testCommand and reloadCommand need at least the program");
        }
        Require.positive(timeout, "timeout");
    }
}
