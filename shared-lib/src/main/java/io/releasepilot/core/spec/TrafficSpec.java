package io.releasepilot.core.spec;

import java.util.Optional;

/**
 * The traffic target of an environment: the router, its settings (always present for the selected router), what
 * a successful release does with the two slots, and what a release does when the router does not carry the weights
 * asked for ({@code onReadBackMismatch}).
 */
public record TrafficSpec(
        RouterType router,
        Promotion promotion,
        Optional<HaproxySpec> haproxy,
        Optional<NginxSpec> nginx,
        Optional<CommandRouterSpec> command,
        ReadBackAction onReadBackMismatch) {
    /** A traffic section with the default {@link ReadBackAction#PAUSE}. */
    public TrafficSpec(
            RouterType router,
            Promotion promotion,
            Optional<HaproxySpec> haproxy,
            Optional<NginxSpec> nginx,
            Optional<CommandRouterSpec> command) {
        this(router, promotion, haproxy, nginx, command, SpecDefaults.ON_READ_BACK_MISMATCH);
    }

    public TrafficSpec {
        Require.present(onReadBackMismatch, "onReadBackMismatch");
        Require.present(router, "router");
        Require.present(promotion, "promotion");
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

    /** The slots of the selected router. */
    public SlotsSpec slots() {
        return switch (router) {
            case HAPROXY -> haproxy.orElseThrow().slots();
            case NGINX -> nginx.orElseThrow().slots();
            case COMMAND -> command.orElseThrow().slots();
        };
    }
}
