package io.releasepilot.core.testing;

import io.releasepilot.core.process.local.LoopbackPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server process a test starts itself (own config, free port, temp dir) and stops by its PID. */
public abstract class LocalProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    protected LocalProcess(List<String> argv, Path dir) throws IOException {
        this.log = dir.resolve(Path.of(argv.get(0)).getFileName() + ".log");
        this.process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** A free loopback TCP port below the ephemeral range (see {@link LoopbackPorts} for why). */
    public static int freePort() throws IOException {
        return LoopbackPorts.free();
    }

    public long pid() {
        return process.pid();
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Waits until {@code port} accepts connections, or fails with the process log. */
    protected void awaitPort(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("process exited with " + process.exitValue() + ": " + logText());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        throw new IOException("port " + port + " did not open within 10 s: " + logText());
    }

    /** Stops the process by its PID (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
