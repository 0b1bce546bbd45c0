package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * NGINX: Release Pilot renders the {@code upstream} block into {@code file}, runs {@code testCommand}, then
 * {@code reloadCommand}.
 *
 * @param stable the stable version's server address
 * @param canary the new version's server address
 * @param status {@code host:port} of a status server rendered into the file, so the router reads back what NGINX has
 *     actually loaded
 */
public record NginxSpec(
        String upstream,
        String file,
        String stable,
        String canary,
        List<String> testCommand,
        List<String> reloadCommand,
        Duration timeout,
        Optional<String> status) {
    /** Without a status server. */
    public NginxSpec(
            String upstream,
            String file,
            String stable,
            String canary,
            List<String> testCommand,
            List<String> reloadCommand,
            Duration timeout) {
        this(upstream, file, stable, canary, testCommand, reloadCommand, timeout, Optional.empty());
    }

    public NginxSpec {
        Require.optional(status, "status");
        Require.text(upstream, "upstream");
        Require.text(file, "file");
        Require.text(stable, "stable");
        Require.text(canary, "canary");
        testCommand = Require.list(testCommand, "testCommand");
        reloadCommand = Require.list(reloadCommand, "reloadCommand");
        if (testCommand.isEmpty() || reloadCommand.isEmpty()) {
            throw new IllegalArgumentException("testCommand and reloadCommand need at least the program");
        }
        Require.positive(timeout, "timeout");
    }
}
