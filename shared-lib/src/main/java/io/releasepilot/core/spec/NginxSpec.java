package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * NGINX: Release Pilot renders the {@code upstream} block into {@code file}, runs {@code testCommand}, then
 * {@code reloadCommand}.
 *
 * @param slots the two slots, each a pool of upstream server addresses
 */
public record NginxSpec(
        String upstream,
        String file,
        SlotsSpec slots,
        List<String> testCommand,
        List<String> reloadCommand,
        Duration timeout) {
    public NginxSpec {
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
