package io.releasepilot.core.traffic;

import io.releasepilot.core.traffic.command.CommandTrafficRouter;
import io.releasepilot.core.traffic.embedded.EmbeddedTrafficRouter;
import io.releasepilot.core.traffic.haproxy.HaproxyTrafficRouter;
import io.releasepilot.core.traffic.nginx.NginxTrafficRouter;
import java.util.List;

/** The routers Release Pilot ships, listed explicitly (no classpath scanning), and the factory from settings. */
public final class TrafficRouterRegistry {
    /** Router type ids, as the spec's {@code traffic.router} names them. */
    public static final List<String> TYPES = List.of("haproxy", "nginx", "command", "embedded");

    private TrafficRouterRegistry() {}

    /** The router for these settings; the settings record's type picks the adapter. */
    public static TrafficRouter create(TrafficRouterSettings settings) {
        if (settings instanceof TrafficRouterSettings.Haproxy haproxy) {
            return new HaproxyTrafficRouter(haproxy);
        } else if (settings instanceof TrafficRouterSettings.Nginx nginx) {
            return new NginxTrafficRouter(nginx);
        } else if (settings instanceof TrafficRouterSettings.Command command) {
            return new CommandTrafficRouter(command);
        } else if (settings instanceof TrafficRouterSettings.Embedded embedded) {
            return new EmbeddedTrafficRouter(embedded);
        }
        throw new IllegalStateException(
                "unknown router settings " + settings.getClass().getName());
    }

    /** Whether {@code type} names a shipped router. */
    public static boolean isKnown(String type) {
        return TYPES.contains(type);
    }
}
