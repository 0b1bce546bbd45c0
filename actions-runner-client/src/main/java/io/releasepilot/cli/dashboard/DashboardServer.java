package io.releasepilot.cli.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.releasepilot.core.state.ReleaseStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard on a server of its own, read-only for anyone on loopback: what {@code demo --keep} opens next to the
 * releases it ran ({@code serve} mounts {@link DashboardHandler} on its own server instead).
 */
public final class DashboardServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final DashboardHandler handler;

    private DashboardServer(HttpServer server, ExecutorService pool, DashboardHandler handler) {
        this.server = server;
        this.pool = pool;
        this.handler = handler;
    }

    /** Starts an anonymous, read-only dashboard on a free loopback port. */
    public static DashboardServer loopbackReadOnly(ReleaseStore store, String service, List<String> environments)
            throws IOException {
        DashboardHandler handler = new DashboardHandler(
                store,
                service,
                environments,
                Duration.ofDays(30),
                new DashboardAccess(Map.of(), Map.of(), Set.of(), true, Set.of()),
                Duration.ofSeconds(1));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "release-pilot-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        server.createContext("/", handler);
        server.start();
        return new DashboardServer(server, pool, handler);
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        handler.close();
    }
}
