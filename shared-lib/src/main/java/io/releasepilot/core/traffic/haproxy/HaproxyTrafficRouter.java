package io.releasepilot.core.traffic.haproxy;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steers traffic through the HAProxy runtime API ({@code stats socket … level admin}): {@code set server
 * <backend>/<server> weight N} changes take effect for the next request, with no reload and no dropped connection.
 * Weights are always absolute numbers (0..100), never {@code N%}, because HAProxy reads a percentage relative to the
 * server's initial weight from the config file.
 */
public final class HaproxyTrafficRouter implements TrafficRouter {
    /** Admin states of a server, as {@code set server … state} takes them. */
    public enum AdminState {
        READY,
        DRAIN,
        MAINT
    }

    /** One server line of {@code show servers state}. */
    public record ServerState(String name, int weight, AdminState adminState, boolean up) {}

    // SRV_ADMF_* bits of srv_admin_state (src/server.h): any maintenance cause, and forced/inherited drain.
    private static final int MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;
    private static final int DRAIN_BITS = 0x08 | 0x10;

    private final TrafficRouterSettings.Haproxy settings;
    private final SocketAddress address;
    private final StandardProtocolFamily family;

    public HaproxyTrafficRouter(TrafficRouterSettings.Haproxy settings) {
        this.settings = settings;
        if (settings.socket() != null) {
            this.address = UnixDomainSocketAddress.of(settings.socket());
            this.family = StandardProtocolFamily.UNIX;
        } else {
            String hostPort = String.valueOf(settings.address());
            int colon = hostPort.lastIndexOf(':');
            this.address = new InetSocketAddress(
                    hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            this.family = StandardProtocolFamily.INET;
        }
    }

    @Override
    public String type() {
        return "haproxy";
    }

    @Override
    public RouterState current() {
        Map<String, ServerState> servers = servers();
        ServerState stable = server(servers, settings.stable());
        ServerState canary = server(servers, settings.canary());
        int total = stable.weight() + canary.weight();
        if (total == 0) {
            throw new TrafficRouterException("HAProxy backend " + settings.backend() + ": both " + settings.stable()
                    + " and " + settings.canary() + " have weight 0, so it serves nothing; apply a split to repair");
        }
        // Release Pilot writes weights that sum to 100; other totals (e.g. the config's initial weights) are scaled.
        int canaryPercent = (int) Math.round(canary.weight() * 100.0 / total);
        return new RouterState(
                type(),
                TrafficSplit.canary(canaryPercent),
                stable.adminState() == AdminState.READY && stable.up(),
                canary.adminState() == AdminState.READY && canary.up(),
                "backend " + settings.backend() + ": " + stable + ", " + canary);
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        Map<String, ServerState> servers = servers();
        ServerState stable = server(servers, settings.stable());
        ServerState canary = server(servers, settings.canary());
        List<String> commands = new ArrayList<>();
        // Raise before lowering: lowering first could leave both servers at weight 0 for a moment (HAProxy then
        // answers 503), raising first only briefly over-weights the rising side.
        boolean canaryRises = split.canary() > canary.weight();
        ServerState first = canaryRises ? canary : stable;
        ServerState second = canaryRises ? stable : canary;
        int firstWeight = canaryRises ? split.canary() : split.stable();
        int secondWeight = canaryRises ? split.stable() : split.canary();
        addWeight(commands, first, firstWeight);
        addWeight(commands, second, secondWeight);
        for (String command : commands) {
            expectSilence(command, send(command));
        }
        return current();
    }

    /** Sets a server's admin state ({@code ready}, {@code drain}: no new requests, {@code maint}: none at all). */
    public void setState(String server, AdminState state) {
        String command = "set server " + settings.backend() + "/" + server + " state "
                + state.name().toLowerCase(Locale.ROOT);
        expectSilence(command, send(command));
    }

    /** The servers of the configured backend, by name, as {@code show servers state} reports them. */
    public Map<String, ServerState> servers() {
        String reply = send("show servers state " + settings.backend());
        return parseServersState(reply, settings.backend());
    }

    static Map<String, ServerState> parseServersState(String reply, String backend) {
        String[] lines = reply.split("\n");
        List<String> header = null;
        Map<String, ServerState> servers = new HashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# be_id")) {
                header = Arrays.asList(trimmed.substring(2).split("\\s+"));
            } else if (header != null && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] fields = trimmed.split("\\s+");
                if (fields.length < header.size() - 4) {
                    continue;
                }
                String name = fields[header.indexOf("srv_name")];
                int weight = Integer.parseInt(fields[header.indexOf("srv_uweight")]);
                int admin = Integer.parseInt(fields[header.indexOf("srv_admin_state")]);
                int op = Integer.parseInt(fields[header.indexOf("srv_op_state")]);
                AdminState adminState = (admin & MAINT_BITS) != 0
                        ? AdminState.MAINT
                        : (admin & DRAIN_BITS) != 0 ? AdminState.DRAIN : AdminState.READY;
                // srv_op_state: 0 stopped, 1 starting, 2 running, 3 stopping
                servers.put(name, new ServerState(name, weight, adminState, op == 1 || op == 2));
            }
        }
        if (header == null) {
            throw new TrafficRouterException("HAProxy did not answer 'show servers state " + backend
                    + "' as expected (is the backend name right?): " + reply.strip());
        }
        return servers;
    }

    private void addWeight(List<String> commands, ServerState server, int weight) {
        String target = settings.backend() + "/" + server.name();
        if (server.weight() != weight) {
            commands.add("set server " + target + " weight " + weight);
        }
        // A server we route to must take requests; one left in drain/maint by a person or an earlier run is readied.
        if (weight > 0 && server.adminState() != AdminState.READY) {
            commands.add("set server " + target + " state ready");
        }
    }

    private ServerState server(Map<String, ServerState> servers, String name) {
        ServerState server = servers.get(name);
        if (server == null) {
            throw new TrafficRouterException("HAProxy backend " + settings.backend() + " has no server '" + name
                    + "' (servers: " + servers.keySet() + "); check traffic.haproxy.stable/canary");
        }
        return server;
    }

    private void expectSilence(String command, String reply) {
        // Successful 'set server' commands answer with an empty line; anything else is HAProxy's error text.
        if (!reply.isBlank()) {
            throw new TrafficRouterException("HAProxy refused '" + command + "': " + reply.strip());
        }
    }

    /**
     * Sends one command on a fresh connection (non-interactive mode: HAProxy answers and closes) and reads to EOF.
     * Non-blocking I/O with a selector gives one deadline for connect, write and read on unix sockets too.
     */
    String send(String command) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0 || command.indexOf(';') >= 0) {
            // The runtime API splits on these: one call must never become two commands.
            throw new TrafficRouterException("refusing to send more than one HAProxy runtime API command: "
                    + command.replace("\n", "\\n").replace("\r", "\\r"));
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try (SocketChannel channel = SocketChannel.open(family);
                Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                await(selector, deadline, command);
                channel.finishConnect();
                key.cancel();
                selector.selectNow();
            }
            ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(selector, deadline, command);
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            StringBuilder reply = new StringBuilder();
            while (true) {
                int read = channel.read(in);
                if (read < 0) {
                    break;
                }
                if (read == 0) {
                    await(selector, deadline, command);
                    continue;
                }
                in.flip();
                reply.append(StandardCharsets.UTF_8.decode(in));
                in.clear();
            }
            return reply.toString();
        } catch (IOException e) {
            throw new TrafficRouterException(
                    "cannot reach the HAProxy runtime API at " + address + " (" + e.getMessage()
                            + "); check traffic.haproxy.socket/address and 'stats socket … level admin'",
                    e);
        }
    }

    private void await(Selector selector, long deadline, String command) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, Duration.ofNanos(left).toMillis())) == 0) {
            if (deadline - System.nanoTime() <= 0) {
                throw new TrafficRouterException("HAProxy runtime API at " + address + " did not answer '" + command
                        + "' within " + settings.timeout());
            }
        }
        selector.selectedKeys().clear();
    }
}
