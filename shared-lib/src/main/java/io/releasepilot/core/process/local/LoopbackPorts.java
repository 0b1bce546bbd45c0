package io.releasepilot.core.process.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers another process will bind (the demo's HAProxy, the tests' own Postgres or SMTP).
 *
 * <p>Why not {@code new ServerSocket(0)}: the kernel answers from its ephemeral range, which every outgoing connection
 * also draws from, so between closing the probe and the child's bind any client socket may take the port (CI failed
 * that way once: HAProxy "cannot bind socket"). A port below the ephemeral range is only ever taken by a listener.
 */
public final class LoopbackPorts {
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {}

    /** A port that was free on 127.0.0.1 a moment ago and lies below the ephemeral range. */
    public static int free() throws IOException {
        int ceiling = ephemeralLow();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException(
                "no free loopback port between " + LOWEST + " and " + ceiling + " after " + ATTEMPTS + " attempts");
    }

    static int ephemeralLow() {
        try {
            String[] range = Files.readString(RANGE).trim().split("\\s+");
            int low = Integer.parseInt(range[0]);
            return low > LOWEST + 2_000 ? low : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768; // Linux's default; elsewhere the range differs but ports below it are still fine
        }
    }
}
