package io.releasepilot.cli.demo;

import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.process.local.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy for the demo, when its binary is installed: one frontend on loopback, one backend with a server per
 * version (all but the first at weight 0), and the runtime API socket the HAProxy router drives. The process is the
 * demo's child and is stopped with it.
 */
public final class DemoHaproxy implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path socket;

    /** One backend server. */
    public record Server(String name, int port, int weight) {}

    private DemoHaproxy(Process process, int port, Path socket) {
        this.process = process;
        this.port = port;
        this.socket = socket;
    }

    /** The haproxy binary on the PATH or in /usr/sbin, if installed. */
    public static Optional<Path> binary() {
        String path = System.getProperty("rp.demo.path", "");
        for (String dir : (path.isEmpty() ? "/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin" : path).split(":")) {
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static DemoHaproxy start(Path binary, Path dir, List<Server> servers) {
        try {
            int port = freePort();
            // A unix socket path must stay under ~100 bytes, so the socket goes in a short temporary folder.
            Path socketDir = Files.createTempDirectory("rp-demo");
            socketDir.toFile().deleteOnExit();
            Path socket = socketDir.resolve("admin.sock");
            StringBuilder config = new StringBuilder()
                    .append("global\n  stats socket ")
                    .append(socket)
                    .append(" mode 600 level admin\n  maxconn 4096\n")
                    .append("defaults\n  mode http\n  timeout connect 2s\n  timeout client 10s\n  timeout server 10s\n")
                    .append("  option redispatch\n  retries 2\n")
                    .append("frontend fe\n  bind 127.0.0.1:")
                    .append(port)
                    .append("\n  default_backend app\nbackend app\n  balance roundrobin\n");
            for (Server server : servers) {
                config.append("  server ")
                        .append(server.name())
                        .append(" 127.0.0.1:")
                        .append(server.port())
                        .append(" weight ")
                        .append(server.weight())
                        .append(" check inter 500ms\n");
            }
            Path file = Files.writeString(dir.toAbsolutePath().resolve("haproxy.cfg"), config, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile())
                    .start();
            DemoHaproxy haproxy = new DemoHaproxy(process, port, socket);
            haproxy.awaitReady(Duration.ofSeconds(10));
            return haproxy;
        } catch (IOException e) {
            throw new InfrastructureException("cannot start HAProxy for the demo: " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path socket() {
        return socket;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfrastructureException("HAProxy exited at start (exit " + process.exitValue() + ")");
            }
            if (Files.exists(socket)) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    // keep waiting
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new InfrastructureException(
                "HAProxy did not open port " + port + " within " + timeout.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        return LoopbackPorts.free();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        } catch (IOException e) {
            // a left-over empty temporary folder is harmless
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
