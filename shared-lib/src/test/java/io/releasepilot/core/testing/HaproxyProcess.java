package io.releasepilot.core.testing;

import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * HAProxy in the foreground ({@code -db}), started and stopped by PID, with one frontend and backend {@code app} of the
 * given servers and the runtime API on {@code admin.sock} in {@code dir}. The defaults are the baselines' zero-loss
 * "config C": health checks, {@code retries 3}, {@code option redispatch}, {@code option idle-close-on-response} and
 * {@code retry-on conn-failure empty-response response-timeout}.
 */
public final class HaproxyProcess extends LocalProcess {
    /** One server line: name, loopback port, initial weight. */
    public record Server(String name, int port, int weight) {}

    private final int port;
    private final Path socket;

    private HaproxyProcess(List<String> argv, Path dir, int port, Path socket) throws IOException {
        super(argv, dir);
        this.port = port;
        this.socket = socket;
        awaitPort(port);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Starts HAProxy with backend {@code app} holding {@code servers}; its files go to {@code dir}. */
    public static HaproxyProcess start(Path dir, List<Server> servers) throws IOException {
        return start(dir, servers, null);
    }

    /** As {@link #start(Path, List)}, plus the runtime API on TCP {@code host:port} when {@code tcpApi} is set. */
    public static HaproxyProcess start(Path dir, List<Server> servers, @Nullable String tcpApi) throws IOException {
        return start(dir, servers, tcpApi, false);
    }

    /**
     * As {@link #start(Path, List)}, in master-worker mode ({@code -W}), so {@link #reload} reloads it as a service
     * manager would: a new worker from the config file, runtime weights reset to the file's.
     */
    public static HaproxyProcess startReloadable(Path dir, List<Server> servers) throws IOException {
        return start(dir, servers, null, true);
    }

    private static HaproxyProcess start(Path dir, List<Server> servers, @Nullable String tcpApi, boolean reloadable)
            throws IOException {
        int port = freePort();
        Path socket = dir.resolve("admin.sock");
        StringBuilder cfg = new StringBuilder()
                .append("global\n")
                .append("  stats socket ")
                .append(socket)
                .append(" mode 600 level admin\n")
                .append(tcpApi == null ? "" : "  stats socket ipv4@" + tcpApi + " level admin\n")
                .append("defaults\n")
                .append("  mode http\n")
                .append("  timeout connect 2s\n")
                .append("  timeout client 30s\n")
                .append("  timeout server 30s\n")
                .append("  timeout check 3s\n")
                .append("  retries 3\n")
                .append("  option redispatch\n")
                .append("  option idle-close-on-response\n")
                .append("  retry-on conn-failure empty-response response-timeout\n")
                .append("frontend fe\n")
                .append("  bind 127.0.0.1:")
                .append(port)
                .append('\n')
                .append("  default_backend app\n")
                .append("backend app\n")
                .append("  balance roundrobin\n")
                .append("  option httpchk GET /healthz\n");
        for (Server server : servers) {
            cfg.append("  server ")
                    .append(server.name())
                    .append(" 127.0.0.1:")
                    .append(server.port())
                    .append(" weight ")
                    .append(server.weight())
                    .append(" check inter 1s fall 2 rise 2\n");
        }
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg.toString());
        List<String> argv = reloadable
                ? List.of(
                        "haproxy", "-W", "-db", "-S", dir.resolve("master.sock").toString(), "-f", config.toString())
                : List.of("haproxy", "-db", "-f", config.toString());
        return new HaproxyProcess(argv, dir, port, socket);
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path socket() {
        return socket;
    }

    /**
     * Reloads a {@link #startReloadable} HAProxy through its master CLI ({@code reload}, as {@code systemctl reload}
     * does) and waits until the new worker answers on the runtime API.
     */
    public void reload() throws IOException, InterruptedException {
        String before = runtime("show info").replaceAll("(?s).*\\nPid: (\\d+).*", "$1");
        send(socket.resolveSibling("master.sock"), "reload");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                String now = runtime("show info").replaceAll("(?s).*\\nPid: (\\d+).*", "$1");
                if (!now.equals(before) && !now.isBlank()) {
                    return;
                }
            } catch (IOException notYet) {
                // the new worker has not bound the socket yet
            }
            Thread.sleep(50);
        }
        throw new IOException("HAProxy did not reload within 10 s: " + logText());
    }

    /** One runtime API command, as an operator would type it into socat; returns the answer. */
    public String runtime(String command) throws IOException {
        return send(socket, command);
    }

    private static String send(Path unixSocket, String command) throws IOException {
        try (java.nio.channels.SocketChannel channel =
                java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(unixSocket))) {
            channel.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Router settings for backend {@code app} with the given stable/canary server names. */
    public TrafficRouterSettings.Haproxy settings(String stable, String canary) {
        return new TrafficRouterSettings.Haproxy(socket, null, "app", stable, canary, Duration.ofSeconds(2));
    }
}
