package io.releasepilot.core.rollout.engine;

import io.releasepilot.core.state.Release;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code RP_*} variables a hook (and the command router) is run with, so one script can serve every release: what
 * is released where, and what it replaces. docs/rollout.md lists them.
 */
final class HookEnvironment {
    private HookEnvironment() {}

    /** The variables for {@code release}; a value that is not known is the empty string, never left out. */
    static Map<String, String> of(EnginePorts ports, Release release) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RP_SERVICE", release.service());
        env.put("RP_ENVIRONMENT", release.environment());
        env.put("RP_VERSION", release.version());
        env.put(
                "RP_PREVIOUS_VERSION",
                ports.store()
                        .lastSuccessful(release.service(), release.environment())
                        .filter(previous -> !previous.id().equals(release.id()))
                        .map(Release::version)
                        .orElse(""));
        env.put("RP_SLOT", ports.verify().slot());
        env.put("RP_SLOT_SERVERS", String.join(",", ports.verify().slotServers()));
        env.put("RP_RELEASE_ID", release.id().toString());
        return Map.copyOf(env);
    }
}
