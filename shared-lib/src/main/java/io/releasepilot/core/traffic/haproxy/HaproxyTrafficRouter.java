package io.releasepilot.core.traffic.haproxy;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.SlotWeights;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Steers traffic through the HAProxy runtime API ({@code stats socket … level admin}): {@code set server
 * <backend>/<server> weight N} changes take effect for the next request, with no reload and no dropped connection.
 * Weights are always absolute numbers (0..256), never {@code N%}, because HAProxy reads a percentage relative to the
 * server's initial weight from the config file. A slot's share is spread over its ready servers ({@link SlotWeights});
 * a server in maintenance or drain is left out and never readied behind the operator's back.
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

    /** The largest weight {@code set server … weight} takes. */
    static final int MAX_WEIGHT = 256;

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
    public SlotPools slots() {
        return settings.slots();
    }

    @Override
    public TrafficRouter withLive(String slot) {
        return slot.equals(settings.slots().live()) ? this : new HaproxyTrafficRouter(settings.withLive(slot));
    }

    @Override
    public RouterState current() {
        return state(servers());
    }

    /**
     * Each slot's share is the weight of its servers that take new requests (admin state ready) over the weight of all
     * such servers of both slots: a server in maintenance or drain counts for nothing, whatever its weight.
     */
    private RouterState state(Map<String, ServerState> servers) {
        SlotPools slots = settings.slots();
        int live = effectiveWeight(servers, slots.liveServers());
        int target = effectiveWeight(servers, slots.targetServers());
        int total = live + target;
        if (total == 0) {
            throw new TrafficRouterException("HAProxy backend " + settings.backend() + ": no server of slot "
                    + slots.live() + " " + slots.liveServers() + " or " + slots.target() + " "
                    + slots.targetServers() + " is ready with a weight above 0, so it serves nothing;"
                    + " apply a split to repair");
        }
        TrafficSplit split = TrafficSplit.canary((int) Math.round(target * 100.0 / total));
        StringBuilder detail =
                new StringBuilder("backend ").append(settings.backend()).append(':');
        for (String slot : slots.names()) {
            detail.append(' ').append(slot).append(' ');
            detail.append(slots.servers(slot).stream()
                    .map(name -> describe(servers.get(name)))
                    .toList());
        }
        return new RouterState(
                type(),
                split,
                serving(servers, slots.liveServers()),
                serving(servers, slots.targetServers()),
                detail.toString(),
                RouterState.shares(slots, split));
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        Map<String, ServerState> servers = servers();
        SlotPools slots = settings.slots();
        List<String> live = eligible(servers, slots.liveServers());
        List<String> target = eligible(servers, slots.targetServers());
        Map<String, Integer> weights = new LinkedHashMap<>(SlotWeights.spread(split, live, target, MAX_WEIGHT));
        // A server in maintenance or drain is left out of the share and set to 0: readied by hand later, it still
        // gets nothing until Release Pilot next spreads the weights.
        for (String server : slots.allServers()) {
            weights.putIfAbsent(server, 0);
        }
        // Raise before lowering: lowering first could leave every server at weight 0 for a moment (HAProxy then
        // answers 503), raising first only briefly over-weights the rising side.
        List<String> raise = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        weights.forEach((server, weight) -> {
            int now = server(servers, server).weight();
            if (weight > now) {
                raise.add("set server " + settings.backend() + "/" + server + " weight " + weight);
            } else if (weight < now) {
                lower.add("set server " + settings.backend() + "/" + server + " weight " + weight);
            }
        });
        raise.addAll(lower);
        for (String command : raise) {
            expectSilence(command, send(command));
        }
        return current();
    }

    private int effectiveWeight(Map<String, ServerState> servers, List<String> pool) {
        int sum = 0;
        for (String name : pool) {
            ServerState server = server(servers, name);
            sum += server.adminState() == AdminState.READY ? server.weight() : 0;
        }
        return sum;
    }

    private boolean serving(Map<String, ServerState> servers, List<String> pool) {
        return pool.stream()
                .map(name -> server(servers, name))
                .anyMatch(server -> server.adminState() == AdminState.READY && server.up() && server.weight() > 0);
    }

    private List<String> eligible(Map<String, ServerState> servers, List<String> pool) {
        return pool.stream()
                .filter(name -> server(servers, name).adminState() == AdminState.READY)
                .toList();
    }

    private static String describe(@Nullable ServerState server) {
        return server == null
                ? "?"
                : server.name() + " weight " + server.weight()
                        + (server.adminState() == AdminState.READY
                                ? ""
                                : " " + server.adminState().name().toLowerCase(Locale.ROOT))
                        + (server.up() ? "" : " down");
    }

    @Override
    public boolean drainsServers() {
        return true;
    }

    @Override
    public void setReady(String server, boolean ready) {
        if (settings.slots().slotOf(server).isEmpty()) {
            throw new TrafficRouterException("server " + server + " is in neither slot "
                    + settings.slots().names());
        }
        setState(server, ready ? AdminState.READY : AdminState.DRAIN);
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

    /** The {@code host:port} of each of {@code servers}, as HAProxy's {@code show servers state} reports them. */
    @Override
    public List<String> addressesOf(List<String> servers) {
        Map<String, String> addresses = parseAddresses(send("show servers state " + settings.backend()));
        return servers.stream()
                .map(server -> Objects.requireNonNullElse(addresses.get(server), server))
                .toList();
    }

    static Map<String, String> parseAddresses(String reply) {
        List<String> header = null;
        Map<String, String> addresses = new HashMap<>();
        for (String line : reply.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# be_id")) {
                header = Arrays.asList(trimmed.substring(2).split("\\s+"));
            } else if (header != null && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] fields = trimmed.split("\\s+");
                int name = header.indexOf("srv_name");
                int addr = header.indexOf("srv_addr");
                int port = header.indexOf("srv_port");
                if (name >= 0 && addr >= 0 && port >= 0 && port < fields.length) {
                    addresses.put(fields[name], fields[addr] + ":" + fields[port]);
                }
            }
        }
        return addresses;
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

    private ServerState server(Map<String, ServerState> servers, String name) {
        ServerState server = servers.get(name);
        if (server == null) {
            throw new TrafficRouterException("HAProxy backend " + settings.backend() + " has no server '" + name
                    + "' (servers: " + servers.keySet() + "); check traffic.haproxy.slots");
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
