package io.releasepilot.core.traffic;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.CommandRouterSpec;
import io.releasepilot.core.spec.HaproxySpec;
import io.releasepilot.core.spec.NginxSpec;
import io.releasepilot.core.spec.TrafficSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one router, mirroring the spec's {@code traffic.<router>} section field by field. The lead maps the
 * spec onto these records; {@link TrafficRouterRegistry#create} turns them into a router.
 */
public sealed interface TrafficRouterSettings {
    /** The router type these settings are for. */
    String type();

    /** The two slots, live first. */
    SlotPools slots();

    /** These settings with {@code slot} live. */
    TrafficRouterSettings withLive(String slot);

    /** The settings of the router the spec's {@code traffic} section selects. */
    static TrafficRouterSettings from(TrafficSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return switch (spec.router()) {
            case HAPROXY -> {
                HaproxySpec haproxy =
                        spec.haproxy().orElseThrow(() -> new InvalidInputException("traffic.haproxy is missing"));
                yield new Haproxy(
                        haproxy.socket().map(Path::of).orElse(null),
                        haproxy.address().orElse(null),
                        haproxy.backend(),
                        SlotPools.from(haproxy.slots()),
                        haproxy.timeout());
            }
            case NGINX -> {
                NginxSpec nginx = spec.nginx().orElseThrow(() -> new InvalidInputException("traffic.nginx is missing"));
                yield new Nginx(
                        nginx.upstream(),
                        Path.of(nginx.file()),
                        SlotPools.from(nginx.slots()),
                        List.of(),
                        nginx.testCommand(),
                        nginx.reloadCommand(),
                        nginx.timeout(),
                        nginx.status().orElse(null));
            }
            case COMMAND -> {
                CommandRouterSpec command =
                        spec.command().orElseThrow(() -> new InvalidInputException("traffic.command is missing"));
                yield new Command(command.run(), SlotPools.from(command.slots()), command.timeout());
            }
        };
    }

    /**
     * {@code traffic.haproxy}: the HAProxy runtime API (needs {@code level admin}) over a unix socket or TCP.
     *
     * @param socket path of the runtime API unix socket, or null when {@code address} is used
     * @param address {@code host:port} of the runtime API over TCP, or null when {@code socket} is used
     * @param backend the backend holding both slots
     * @param slots the two slots, each a pool of server names in the backend
     * @param timeout connect + read timeout of one runtime API command
     */
    record Haproxy(@Nullable Path socket, @Nullable String address, String backend, SlotPools slots, Duration timeout)
            implements TrafficRouterSettings {
        /** One-server slots named after their server ({@code stable} live). */
        public Haproxy(
                @Nullable Path socket,
                @Nullable String address,
                String backend,
                String stable,
                String canary,
                Duration timeout) {
            this(socket, address, backend, SlotPools.single(stable, canary), timeout);
        }

        public Haproxy {
            if ((socket == null) == (address == null)) {
                throw new InvalidInputException("traffic.haproxy: set exactly one of socket or address");
            }
            if (address != null && !address.matches("[^:\\s]+:\\d{1,5}")) {
                throw new InvalidInputException("traffic.haproxy.address must be host:port, got '" + address + "'");
            }
            requireHaproxyName("traffic.haproxy.backend", backend);
            Objects.requireNonNull(slots, "traffic.haproxy.slots");
            slots.allServers().forEach(server -> requireHaproxyName("traffic.haproxy.slots server", server));
            requirePositive("traffic.haproxy.timeout", timeout);
        }

        @Override
        public Haproxy withLive(String slot) {
            return new Haproxy(socket, address, backend, slots.withLive(slot), timeout);
        }

        @Override
        public String type() {
            return "haproxy";
        }
    }

    /**
     * {@code traffic.nginx}: an upstream block rendered into {@code file}, which the user's nginx.conf includes.
     *
     * @param upstream name of the upstream block
     * @param file the file Release Pilot owns and rewrites (atomically)
     * @param slots the two slots, each a pool of {@code host:port} addresses
     * @param directives extra lines inside the upstream block, e.g. {@code keepalive 64} (may be empty)
     * @param testCommand argv that checks the configuration, e.g. {@code [nginx, -t]}
     * @param reloadCommand argv of a graceful reload, e.g. {@code [nginx, -s, reload]}
     * @param timeout timeout of each command (and of a read of the status server)
     * @param status {@code host:port} of the status server rendered into the file, through which the router reads
     *     what NGINX has loaded; null: the file is read back
     */
    record Nginx(
            String upstream,
            Path file,
            SlotPools slots,
            List<String> directives,
            List<String> testCommand,
            List<String> reloadCommand,
            Duration timeout,
            @Nullable String status)
            implements TrafficRouterSettings {
        /** One-server slots named after their address ({@code stable} live); no status server. */
        public Nginx(
                String upstream,
                Path file,
                String stable,
                String canary,
                List<String> directives,
                List<String> testCommand,
                List<String> reloadCommand,
                Duration timeout) {
            this(
                    upstream,
                    file,
                    SlotPools.single(stable, canary),
                    directives,
                    testCommand,
                    reloadCommand,
                    timeout,
                    null);
        }

        /** Settings without a status server: the file is read back. */
        public Nginx(
                String upstream,
                Path file,
                SlotPools slots,
                List<String> directives,
                List<String> testCommand,
                List<String> reloadCommand,
                Duration timeout) {
            this(upstream, file, slots, directives, testCommand, reloadCommand, timeout, null);
        }

        @Override
        public Nginx withLive(String slot) {
            return new Nginx(
                    upstream, file, slots.withLive(slot), directives, testCommand, reloadCommand, timeout, status);
        }

        public Nginx {
            if (status != null && !status.matches("[^:\\s]+:\\d{1,5}")) {
                throw new InvalidInputException("traffic.nginx.status must be host:port, got '" + status + "'");
            }
            requireName("traffic.nginx.upstream", upstream);
            Objects.requireNonNull(file, "traffic.nginx.file");
            Objects.requireNonNull(slots, "traffic.nginx.slots");
            slots.allServers().forEach(server -> requireName("traffic.nginx.slots server", server));
            directives = List.copyOf(directives);
            for (String directive : directives) {
                if (directive.contains("\n") || directive.contains("}") || directive.contains("{")) {
                    throw new InvalidInputException(
                            "traffic.nginx.directives: one directive per entry, no braces, got '" + directive + "'");
                }
            }
            testCommand = requireArgv("traffic.nginx.testCommand", testCommand);
            reloadCommand = requireArgv("traffic.nginx.reloadCommand", reloadCommand);
            requirePositive("traffic.nginx.timeout", timeout);
        }

        @Override
        public String type() {
            return "nginx";
        }
    }

    /**
     * {@code traffic.command}: the user's own program, called as {@code run… LIVE TARGET} to set and
     * {@code run… get} to read back, told the slots in {@code RP_*} variables.
     *
     * @param run argv of the program (no shell)
     * @param slots the two slots and what the program is told their servers are
     * @param timeout timeout of one call
     */
    record Command(List<String> run, SlotPools slots, Duration timeout) implements TrafficRouterSettings {
        /** Unnamed {@code stable}/{@code canary} slots. */
        public Command(List<String> run, Duration timeout) {
            this(run, SlotPools.single("stable", "canary"), timeout);
        }

        public Command {
            run = requireArgv("traffic.command.run", run);
            Objects.requireNonNull(slots, "traffic.command.slots");
            requirePositive("traffic.command.timeout", timeout);
        }

        @Override
        public Command withLive(String slot) {
            return new Command(run, slots.withLive(slot), timeout);
        }

        @Override
        public String type() {
            return "command";
        }
    }

    private static void requireName(String field, @Nullable String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(field + " must be a non-empty name without spaces, got '" + value + "'");
        }
    }

    /** An HAProxy name never carries a second runtime-API command (newline, ';') or an extra argument (space). */
    private static void requireHaproxyName(String field, @Nullable String value) {
        if (value == null || !value.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new InvalidInputException(
                    field + " must be an HAProxy name (letters, digits, '-', '_', '.', ':'), got '" + value + "'");
        }
    }

    private static void requirePositive(String field, @Nullable Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field + " must be a positive duration, got " + value);
        }
    }

    private static List<String> requireArgv(String field, @Nullable List<String> argv) {
        if (argv == null || argv.isEmpty() || argv.get(0).isBlank()) {
            throw new InvalidInputException(field + " must be a non-empty argument list (program first)");
        }
        return List.copyOf(argv);
    }

    /**
     * The in-process {@link io.releasepilot.core.traffic.embedded.EmbeddedProxy} (demo and tests; not in the spec).
     *
     * @param admin the proxy's admin endpoint
     * @param timeout connect + read timeout of one admin call
     * @param slots the proxy's two backends as slots: the first is the proxy's first backend, whichever is live
     * @param layout the slot of the proxy's first backend (fixed; {@code slots} may be oriented either way)
     */
    record Embedded(java.net.URI admin, Duration timeout, SlotPools slots, String layout)
            implements TrafficRouterSettings {
        /** Unnamed {@code stable}/{@code canary} slots. */
        public Embedded(java.net.URI admin, Duration timeout) {
            this(admin, timeout, SlotPools.single("stable", "canary"), "stable");
        }

        @Override
        public Embedded withLive(String slot) {
            return new Embedded(admin, timeout, slots.withLive(slot), layout);
        }

        public Embedded {
            Objects.requireNonNull(slots, "slots");
            if (!slots.names().contains(layout)) {
                throw new InvalidInputException(
                        "embedded proxy: layout slot '" + layout + "' is not one of " + slots.names());
            }
            if (admin == null || !"http".equals(admin.getScheme())) {
                throw new InvalidInputException("embedded proxy admin endpoint must be an http URI, got " + admin);
            }
            requirePositive("embedded proxy timeout", timeout);
        }

        @Override
        public String type() {
            return "embedded";
        }
    }
}
