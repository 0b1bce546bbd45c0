package io.releasepilot.core.spec;

import java.util.Optional;

/**
 * The traffic router and its settings; the settings of the selected router are always present.
 *
 * @param onReadBackMismatch what a release does when the router does not carry the weights asked for
 */
public record TrafficSpec(
        RouterType router,
        Optional<HaproxySpec> haproxy,
        Optional<NginxSpec> nginx,
        Optional<CommandRouterSpec> command,
        ReadBackAction onReadBackMismatch) {
    /** A traffic section with the default {@link ReadBackAction#PAUSE}. */
    public TrafficSpec(
            RouterType router,
            Optional<HaproxySpec> haproxy,
            Optional<NginxSpec> nginx,
            Optional<CommandRouterSpec> command) {
        this(router, haproxy, nginx, command, SpecDefaults.ON_READ_BACK_MISMATCH);
    }

    public TrafficSpec {
        Require.present(onReadBackMismatch, "onReadBackMismatch");
        Require.present(router, "router");
        Require.optional(haproxy, "haproxy");
        Require.optional(nginx, "nginx");
        Require.optional(command, "command");
        boolean configured = router == RouterType.HAPROXY
                ? haproxy.isPresent()
                : router == RouterType.NGINX ? nginx.isPresent() : command.isPresent();
        if (!configured) {
            throw new IllegalArgumentException("router " + router.yamlName() + " has no settings");
        }
    }
}
