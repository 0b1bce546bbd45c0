package io.releasepilot.core.traffic.embedded;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Drives an {@link EmbeddedProxy} through its admin endpoint, reading the weights back from the proxy itself. */
public final class EmbeddedTrafficRouter implements TrafficRouter {
    public static final String TYPE = "embedded";

    private final TrafficRouterSettings.Embedded settings;
    private final HttpClient client;

    public EmbeddedTrafficRouter(TrafficRouterSettings.Embedded settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SlotPools slots() {
        return settings.slots();
    }

    @Override
    public TrafficRouter withLive(String slot) {
        return slot.equals(settings.slots().live()) ? this : new EmbeddedTrafficRouter(settings.withLive(slot));
    }

    @Override
    public RouterState current() {
        return state(call(HttpRequest.newBuilder(weights()).GET()));
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        // The proxy's backends are in layout order; the live slot may be either of them.
        String body = liveFirst() ? split.stable() + " " + split.canary() : split.canary() + " " + split.stable();
        return state(call(HttpRequest.newBuilder(weights()).PUT(HttpRequest.BodyPublishers.ofString(body))));
    }

    private boolean liveFirst() {
        return settings.layout().equals(settings.slots().live());
    }

    private URI weights() {
        return settings.admin().resolve("/weights");
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(settings.timeout()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TrafficRouterException("embedded proxy at " + settings.admin() + " answered "
                        + response.statusCode() + ": " + response.body().trim());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new TrafficRouterException(
                    "embedded proxy admin endpoint " + settings.admin() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrafficRouterException("interrupted talking to the embedded proxy at " + settings.admin(), e);
        }
    }

    private RouterState state(String body) {
        String[] parts = body.split("\\s+");
        if (parts.length != 2) {
            throw new TrafficRouterException("embedded proxy answered '" + body + "', expected 'FIRST SECOND'");
        }
        int first = Integer.parseInt(parts[0]);
        int second = Integer.parseInt(parts[1]);
        TrafficSplit split = liveFirst() ? new TrafficSplit(first, second) : new TrafficSplit(second, first);
        return new RouterState(
                TYPE,
                split,
                true,
                true,
                "weights " + settings.slots().live() + "=" + split.stable() + " "
                        + settings.slots().target() + "=" + split.canary(),
                RouterState.shares(settings.slots(), split));
    }
}
