package io.releasepilot.core.traffic;

import io.releasepilot.core.traffic.command.CommandTrafficRouter;
import io.releasepilot.core.traffic.command.ExternalCommand;
import io.releasepilot.core.traffic.embedded.EmbeddedTrafficRouter;
import io.releasepilot.core.traffic.haproxy.HaproxyTrafficRouter;
import io.releasepilot.core.traffic.nginx.NginxTrafficRouter;
import java.util.List;

/**
 * The routers Release Pilot ships, listed explicitly (no classpath scanning), and the factory from settings. The
 * contract test fails for a router that is missing here; docs/providers.md is generated from {@link #all()}.
 */
public final class TrafficRouterRegistry {

    /**
     * One shipped router.
     *
     * @param type the id {@code traffic.router} names
     * @param description what it steers, for docs and {@code --help}
     * @param implementation the adapter class
     */
    public record Descriptor(String type, String description, Class<? extends TrafficRouter> implementation) {}

    private static final List<Descriptor> ROUTERS = List.of(
            new Descriptor(
                    "haproxy",
                    "HAProxy server weights through the runtime API, without a reload",
                    HaproxyTrafficRouter.class),
            new Descriptor(
                    "nginx",
                    "an NGINX upstream block in a file of its own, checked with nginx -t and reloaded gracefully",
                    NginxTrafficRouter.class),
            new Descriptor(
                    "command",
                    "your own program, called with the two weights and asked to read them back",
                    CommandTrafficRouter.class),
            new Descriptor(
                    "embedded",
                    "the in-process weighted proxy of the demo and the tests (not selectable in the spec)",
                    EmbeddedTrafficRouter.class));

    /** Router type ids, as the spec's {@code traffic.router} names them. */
    public static final List<String> TYPES =
            ROUTERS.stream().map(Descriptor::type).toList();

    private TrafficRouterRegistry() {}

    /** The router for these settings; programs it runs (NGINX, command) run in isolation. */
    public static TrafficRouter create(TrafficRouterSettings settings) {
        return create(settings, ExternalCommand.isolated());
    }

    /**
     * The router for these settings; the settings record's type picks the adapter, and the programs it runs go
     * through {@code commands} (the release's process policy).
     */
    public static TrafficRouter create(TrafficRouterSettings settings, ExternalCommand commands) {
        if (settings instanceof TrafficRouterSettings.Haproxy haproxy) {
            return new HaproxyTrafficRouter(haproxy);
        } else if (settings instanceof TrafficRouterSettings.Nginx nginx) {
            return new NginxTrafficRouter(nginx, commands);
        } else if (settings instanceof TrafficRouterSettings.Command command) {
            return new CommandTrafficRouter(command, commands);
        } else if (settings instanceof TrafficRouterSettings.Embedded embedded) {
            return new EmbeddedTrafficRouter(embedded);
        }
        throw new IllegalStateException(
                "unknown router settings " + settings.getClass().getName());
    }

    /** Every shipped router, in the order the docs list them. */
    public static List<Descriptor> all() {
        return ROUTERS;
    }

    /** Whether {@code type} names a shipped router. */
    public static boolean isKnown(String type) {
        return TYPES.contains(type);
    }
}
