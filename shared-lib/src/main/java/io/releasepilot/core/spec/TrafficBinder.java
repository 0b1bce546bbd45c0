package io.releasepilot.core.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds {@code traffic}: which router moves the traffic and the settings of each router section written. */
final class TrafficBinder {
    /**
     * What HAProxy accepts as a proxy or server name (letters, digits, '-', '_', '.', ':'): nothing that could end a
     * runtime-API command (newline, ';') or add an argument (space).
     */
    public static final Pattern HAPROXY_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+\\]?:(\\d{1,5})");

    private final SpecValues values;
    private final SpecReferences references;

    TrafficBinder(SpecValues values) {
        this.values = values;
        this.references = new SpecReferences(values);
    }

    Bound<TrafficSpec> bind(Mapping o) {
        Parts parts = values.parts();
        Bound<RouterType> router = parts.add(values.enumValue(o, "router", RouterType.class, null));
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
        return parts.build(o, () -> new TrafficSpec(router.value(), haproxy.value(), nginx.value(), command.value()));
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
        Bound<String> backend = parts.add(values.text(o, "backend", null, "the HAProxy backend holding both servers"));
        Bound<String> stable = parts.add(values.text(o, "stable", null, "the stable server's name in the backend"));
        Bound<String> canary =
                parts.add(values.text(o, "canary", null, "the new version's server name in the backend"));
        haproxyName(parts, o, "backend", backend);
        haproxyName(parts, o, "stable", stable);
        haproxyName(parts, o, "canary", canary);
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.HAPROXY_TIMEOUT, true));
        return parts.build(
                o,
                () -> new HaproxySpec(
                        socket.value(),
                        address.value(),
                        backend.value(),
                        stable.value(),
                        canary.value(),
                        timeout.value()));
    }

    private static void haproxyName(Parts parts, Mapping o, String key, Bound<String> name) {
        if (!name.isValid() || HAPROXY_NAME.matcher(name.value()).matches()) {
            return;
        }
        parts.problem(
                o.get(key),
                o.child(key),
                "'" + name.value().replace("\n", "\\n") + "' is not an HAProxy name",
                "letters, digits, '-', '_', '.' and ':' only (no spaces, ';' or line breaks), at most 64");
    }

    private Bound<NginxSpec> nginx(Mapping o) {
        Parts parts = values.parts();
        Bound<String> upstream = parts.add(values.text(o, "upstream", null, "the upstream block's name"));
        Bound<String> file = parts.add(values.text(o, "file", null, "the file your nginx.conf includes"));
        Bound<String> stable =
                parts.add(values.text(o, "stable", null, "the stable server's address, e.g. \"127.0.0.1:8081\""));
        Bound<String> canary =
                parts.add(values.text(o, "canary", null, "the new version's address, e.g. \"127.0.0.1:8082\""));
        Bound<List<String>> test = parts.add(references.command(o, "testCommand", SpecDefaults.NGINX_TEST_COMMAND));
        Bound<List<String>> reload =
                parts.add(references.command(o, "reloadCommand", SpecDefaults.NGINX_RELOAD_COMMAND));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.NGINX_TIMEOUT, true));
        return parts.build(
                o,
                () -> new NginxSpec(
                        upstream.value(),
                        file.value(),
                        stable.value(),
                        canary.value(),
                        test.value(),
                        reload.value(),
                        timeout.value()));
    }

    private Bound<CommandRouterSpec> command(Mapping o) {
        Parts parts = values.parts();
        Bound<List<String>> run = parts.add(references.command(o, "run", null));
        Bound<Duration> timeout = parts.add(values.duration(o, "timeout", SpecDefaults.COMMAND_ROUTER_TIMEOUT, true));
        return parts.build(o, () -> new CommandRouterSpec(run.value(), timeout.value()));
    }
}
