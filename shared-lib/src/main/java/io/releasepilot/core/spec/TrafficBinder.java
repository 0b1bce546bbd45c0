package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds a traffic target ({@code traffic}, or an environment's own {@code environments[].traffic}, which has the same
 * keys): which router moves the traffic, the settings of each router section written with its two slots, and the
 * promotion mode.
 */
final class TrafficBinder {
    /**
     * What HAProxy accepts as a proxy or server name (letters, digits, '-', '_', '.', ':'): nothing that could end a
     * runtime-API command (newline, ';') or add an argument (space).
     */
    public static final Pattern HAPROXY_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private static final String HAPROXY_NAME_RULE =
            "letters, digits, '-', '_', '.' and ':' only (no spaces, ';' or line breaks), at most 64";

    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+\\]?:(\\d{1,5})");
    private static final String SLOTS_HINT = "slots: { blue: [blue1, blue2], green: [green1] }";

    private final SpecValues values;
    private final SpecReferences references;

    TrafficBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Bound<TrafficSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<RouterType> router = parts.add(values.enumValue(o, "router", RouterType.class, null));
        Bound<Promotion> promotion = parts.add(values.enumValue(o, "promotion", Promotion.class, Promotion.SWAP));
        Bound<Optional<HaproxySpec>> haproxy = parts.add(section(parts, o, "haproxy", this::haproxy));
        Bound<Optional<NginxSpec>> nginx = parts.add(section(parts, o, "nginx", this::nginx));
        Bound<Optional<CommandRouterSpec>> command = parts.add(section(parts, o, "command", this::command));
        if (router.isValid() && !o.has(router.value().yamlName())) {
            String key = router.value().yamlName();
            parts.problem(
                    o.get("router"),
                    o.child("router"),
                    "router '" + key + "' has no settings: there is no 'traffic." + key + "' section",
                    "add the '" + key + "' settings, see docs/release-pilot.example.yml");
        }
        Bound<ReadBackAction> onMismatch = parts.add(
                values.enumValue(o, "onReadBackMismatch", ReadBackAction.class, SpecDefaults.ON_READ_BACK_MISMATCH));
        return parts.build(
                o,
                () -> new TrafficSpec(
                        router.value(),
                        promotion.value(),
                        haproxy.value(),
                        nginx.value(),
                        command.value(),
                        onMismatch.value()));
    }

    /**
     * The two slots: {@code slots: {NAME: [server, …], NAME: [server, …]}}, or the legacy {@code stable}/{@code
     * canary} pair (one-server slots, {@code stable} live first). {@code legacy} false: neither form is required (the
     * command router), and the slots are then named stable and canary with no servers of their own.
     */
    private Bound<SlotsSpec> slots(Mapping o, boolean required, String what) {
        return slots(o, required, what, null);
    }

    /**
     * The slots of a traffic target; with {@code names} set, every server must match it (HAProxy names go into
     * runtime-API commands, so nothing that could end one or add an argument gets through).
     */
    private Bound<SlotsSpec> slots(Mapping o, boolean required, String what, @Nullable Pattern names) {
        YamlNode node = o.get("slots");
        boolean legacy = o.has("stable") || o.has("canary");
        if (node != null && legacy) {
            return values.problem(
                    o.get(o.has("stable") ? "stable" : "canary"),
                    o.child(o.has("stable") ? "stable" : "canary"),
                    "give either 'slots' or 'stable'/'canary', not both",
                    "keep " + SLOTS_HINT + " and remove stable/canary");
        }
        if (node == null) {
            if (!legacy && !required) {
                return Bound.of(SlotsSpec.legacy("stable", "canary"));
            }
            Parts parts = values.parts();
            Bound<String> stable =
                    parts.add(values.text(o, "stable", null, "the live slot's " + what + ", or " + SLOTS_HINT));
            Bound<String> canary =
                    parts.add(values.text(o, "canary", null, "the new version's " + what + ", or " + SLOTS_HINT));
            if (names != null) {
                serverName(parts, o, "stable", stable, names);
                serverName(parts, o, "canary", canary, names);
            }
            if (stable.isValid() && canary.isValid() && stable.value().equals(canary.value())) {
                parts.problem(
                        o.get("canary"),
                        o.child("canary"),
                        "stable and canary are the same " + what + " '" + stable.value() + "'",
                        "name two different " + what + "s, or use " + SLOTS_HINT);
            }
            return parts.build(o, () -> SlotsSpec.legacy(stable.value(), canary.value()));
        }
        String path = o.child("slots");
        if (node.kind != YamlNode.Kind.MAPPING) {
            return values.problem(node, path, Hints.expected("a mapping of slot name to servers", node), SLOTS_HINT);
        }
        if (node.entries.size() != 2) {
            return values.problem(
                    node,
                    path,
                    "a traffic target has exactly two slots, got " + node.entries.size() + " ("
                            + node.entries.stream().map(YamlNode.Entry::key).toList() + ")",
                    "name two slots, e.g. " + SLOTS_HINT);
        }
        Parts parts = values.parts();
        Map<String, List<String>> pools = new LinkedHashMap<>();
        Map<String, String> slotOf = new HashMap<>();
        for (YamlNode.Entry entry : node.entries) {
            String slotPath = path + "." + entry.key();
            YamlNode value = entry.value();
            List<YamlNode> items = value.kind == YamlNode.Kind.LIST ? value.items : List.of(value);
            if (!entry.key().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
                parts.problem(
                        value,
                        slotPath,
                        "'" + entry.key() + "' is not a valid slot name",
                        "letters, digits, '.', '_' and '-', e.g. blue or green");
            }
            if (items.isEmpty()) {
                parts.problem(
                        value,
                        slotPath,
                        "slot '" + entry.key() + "' has no servers",
                        "list at least one " + what + ", e.g. " + entry.key() + ": [" + entry.key() + "1]");
            }
            List<String> servers = new java.util.ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                if (!item.isScalar() || item.kind == YamlNode.Kind.NULL || item.text.isBlank()) {
                    parts.problem(item, slotPath + "[" + i + "]", Hints.expected("a " + what, item), SLOTS_HINT);
                    continue;
                }
                if (names != null && !names.matcher(item.text).matches()) {
                    parts.problem(
                            item,
                            slotPath + "[" + i + "]",
                            "'" + printable(item.text) + "' is not an HAProxy name",
                            HAPROXY_NAME_RULE);
                    continue;
                }
                String other = slotOf.putIfAbsent(item.text, entry.key());
                if (other != null) {
                    parts.problem(
                            item,
                            slotPath + "[" + i + "]",
                            what + " '" + item.text + "' is in slot '" + other + "' too",
                            "a server belongs to one slot only; the two slots must not share servers");
                }
                servers.add(item.text);
            }
            pools.put(entry.key(), servers);
        }
        return parts.build(o, () -> new SlotsSpec(pools));
    }

    /** The router section at {@code key}, opened by the traffic section's {@code parts}; empty when not written. */
    private static <T> Bound<Optional<T>> section(
            Parts traffic, Mapping o, String key, Function<Mapping, Bound<T>> binder) {
        return traffic.object(o, key, "traffic." + key)
                .map(section -> binder.apply(section).map(Optional::of))
                .orElseGet(() -> Bound.of(Optional.empty()));
    }

    private Bound<HaproxySpec> haproxy(Mapping o) {
        Parts parts = values.parts();
        Bound<Optional<String>> socket = parts.add(values.optText(o, "socket"));
        Bound<Optional<String>> address = parts.add(values.optText(o, "address"));
        if (socket.isValid()
                && address.isValid()
                && socket.value().isPresent() == address.value().isPresent()) {
            boolean both = socket.value().isPresent();
            parts.problem(
                    both ? o.get("address") : o.node,
                    o.child(both ? "address" : "socket"),
                    both
                            ? "give either 'socket' or 'address', not both"
                            : "missing the runtime API: neither 'socket' nor 'address' is set",
                    "socket: /run/haproxy/admin.sock, or address: 127.0.0.1:9999");
        }
        if (address.isValid() && address.value().isPresent()) {
            String text = address.value().get();
            Matcher hostPort = HOST_PORT.matcher(text);
            if (!hostPort.matches()
                    || Integer.parseInt(hostPort.group(1)) < 1
                    || Integer.parseInt(hostPort.group(1)) > 65535) {
                parts.problem(
                        o.get("address"), o.child("address"), "'" + text + "' is not host:port", "e.g. 127.0.0.1:9999");
            }
        }
        Bound<String> backend = parts.add(values.text(o, "backend", null, "the HAProxy backend holding both slots"));
        haproxyName(parts, o, "backend", backend);
        Bound<SlotsSpec> slots = parts.add(slots(o, true, "server name", HAPROXY_NAME));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.HAPROXY_TIMEOUT, true));
        return parts.build(
                o,
                () -> new HaproxySpec(
                        socket.value(), address.value(), backend.value(), slots.value(), timeout.value()));
    }

    private static void haproxyName(Parts parts, Mapping o, String key, Bound<String> name) {
        serverName(parts, o, key, name, HAPROXY_NAME);
    }

    private static void serverName(Parts parts, Mapping o, String key, Bound<String> name, Pattern names) {
        if (!name.isValid() || names.matcher(name.value()).matches()) {
            return;
        }
        parts.problem(
                o.get(key),
                o.child(key),
                "'" + printable(name.value()) + "' is not an HAProxy name",
                HAPROXY_NAME_RULE);
    }

    private static String printable(String name) {
        return name.replace("\n", "\\n");
    }

    private Bound<NginxSpec> nginx(Mapping o) {
        Parts parts = values.parts();
        Bound<String> upstream = parts.add(values.text(o, "upstream", null, "the upstream block's name"));
        Bound<String> file = parts.add(values.text(o, "file", null, "the file your nginx.conf includes"));
        Bound<SlotsSpec> slots = parts.add(slots(o, true, "server address"));
        Bound<List<String>> test = parts.add(references.command(o, "testCommand", SpecDefaults.NGINX_TEST_COMMAND));
        Bound<List<String>> reload =
                parts.add(references.command(o, "reloadCommand", SpecDefaults.NGINX_RELOAD_COMMAND));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.NGINX_TIMEOUT, true));
        Bound<Optional<String>> status = parts.add(values.optText(o, "status"));
        if (status.isValid()
                && status.value().isPresent()
                && !HOST_PORT.matcher(status.value().get()).matches()) {
            parts.problem(
                    o.get("status"),
                    o.child("status"),
                    "'" + status.value().get() + "' is not host:port",
                    "a free local port for the status server, e.g. 127.0.0.1:8099");
        }
        return parts.build(
                o,
                () -> new NginxSpec(
                        upstream.value(),
                        file.value(),
                        slots.value(),
                        test.value(),
                        reload.value(),
                        timeout.value(),
                        status.value()));
    }

    private Bound<CommandRouterSpec> command(Mapping o) {
        Parts parts = values.parts();
        Bound<List<String>> run = parts.add(references.command(o, "run", null));
        Bound<SlotsSpec> slots = parts.add(slots(o, false, "server"));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.COMMAND_ROUTER_TIMEOUT, true));
        return parts.build(o, () -> new CommandRouterSpec(run.value(), slots.value(), timeout.value()));
    }
}
