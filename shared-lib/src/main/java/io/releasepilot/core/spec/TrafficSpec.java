package io.releasepilot.core.spec;

import java.util.Optional;

/** The traffic router and its settings; the settings of the selected router are always present. */
public record TrafficSpec(
        RouterType router,
        Optional<HaproxySpec> haproxy,
        Optional<NginxSpec> nginx,
        Optional<CommandRouterSpec> command) {
    public TrafficSpec {
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
