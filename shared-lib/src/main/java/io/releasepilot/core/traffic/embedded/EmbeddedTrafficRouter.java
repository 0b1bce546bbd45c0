package io.releasepilot.core.traffic.embedded;

import io.releasepilot.core.traffic.RouterState;
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
    public RouterState current() {
        return state(call(HttpRequest.newBuilder(weights()).GET()));
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        return state(call(HttpRequest.newBuilder(weights())
                .PUT(HttpRequest.BodyPublishers.ofString(split.stable() + " " + split.canary()))));
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

    private static RouterState state(String body) {
        String[] parts = body.split("\\s+");
        if (parts.length != 2) {
            throw new TrafficRouterException("embedded proxy answered '" + body + "', expected 'STABLE CANARY'");
        }
        TrafficSplit split = new TrafficSplit(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        return RouterState.serving(TYPE, split, "weights " + body);
    }
}
