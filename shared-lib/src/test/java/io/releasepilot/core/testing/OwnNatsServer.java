package io.releasepilot.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server with JetStream of the test's own, on a fixed free port and a temporary store directory, so the test can
 * stop it and start it again (keeping its stream). Stopped by PID and deleted by {@link #close()}.
 */
public final class OwnNatsServer implements AutoCloseable {
    private final Path store;
    private final int port;
    private Process process;

    private OwnNatsServer(Path store, int port) {
        this.store = store;
        this.port = port;
    }

    public static OwnNatsServer start() {
        try {
            OwnNatsServer server = new OwnNatsServer(Files.createTempDirectory("rp-own-nats-"), OwnPostgres.freePort());
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JetStream store directory", e);
        }
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public synchronized void startServer() {
        try {
            process = new ProcessBuilder(
                            "/usr/sbin/nats-server",
                            "-js",
                            "-a",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(port),
                            "-sd",
                            store.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(store.resolve("server.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("nats-server did not open port " + port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nats-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting nats-server", e);
        }
    }

    public synchronized void stopServer() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stopServer();
        try (var files = Files.walk(store)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
