package io.releasepilot.core.traffic.nginx;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.SlotWeights;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Steers NGINX by rendering the {@code upstream} block into a file the user's nginx.conf includes, testing the
 * configuration, and reloading gracefully. A failed test puts the previous file back, so NGINX and the file never
 * disagree. Weight 0 is rendered as {@code down} because NGINX rejects {@code weight=0}. A slot's share is spread over
 * its addresses ({@link SlotWeights}) so that it is exact.
 */
public final class NginxTrafficRouter implements TrafficRouter {
    private static final Pattern SERVER =
            Pattern.compile("^\\s*server\\s+(\\S+?)(?:\\s+weight=(\\d+))?(\\s+down)?\\s*;", Pattern.MULTILINE);

    /** The largest weight written: weights stay comparable with HAProxy's. */
    private static final int MAX_WEIGHT = 256;

    private static final Pattern GENERATION = Pattern.compile("generation=([0-9a-f]{16})");
    /** How long a change waits for NGINX's workers to load it before reading back whatever they run. */
    private static final java.time.Duration LOAD_WAIT = java.time.Duration.ofSeconds(2);

    private static final long LOAD_POLL_MILLIS = 50;

    private final TrafficRouterSettings.Nginx settings;
    private final @Nullable NginxLiveState live;
    private final ExternalCommand commands;

    public NginxTrafficRouter(TrafficRouterSettings.Nginx settings) {
        this(settings, ExternalCommand.isolated());
    }

    /** A router whose test and reload commands run under the release's process policy. */
    public NginxTrafficRouter(TrafficRouterSettings.Nginx settings, ExternalCommand commands) {
        this.settings = settings;
        this.live = settings.status() == null ? null : new NginxLiveState(settings.status(), settings.timeout());
        this.commands = commands;
    }

    @Override
    public String type() {
        return "nginx";
    }

    @Override
    public SlotPools slots() {
        return settings.slots();
    }

    @Override
    public TrafficRouter withLive(String slot) {
        return slot.equals(settings.slots().live()) ? this : new NginxTrafficRouter(settings.withLive(slot), commands);
    }

    @Override
    public RouterState current() {
        Optional<String> text = readFile();
        if (text.isEmpty()) {
            throw new TrafficRouterException("NGINX upstream file " + settings.file()
                    + " does not exist yet; no split has been applied (apply one to create it)");
        }
        RouterState file = parse(text.get());
        return live == null ? file : liveState(live, file, text.get());
    }

    /** Whether NGINX runs {@code rendered} (always assumed without a status server). */
    private boolean loaded(String rendered) {
        if (live == null) {
            return true;
        }
        Matcher written = GENERATION.matcher(rendered);
        try {
            return written.find() && live.read().generation().equals(written.group(1));
        } catch (TrafficRouterException notLoaded) {
            return false;
        }
    }

    /** The weights NGINX has loaded, saying whether that is the file's generation. */
    private RouterState liveState(NginxLiveState status, RouterState file, String text) {
        NginxLiveState.Live loaded = status.read();
        Matcher written = GENERATION.matcher(text);
        String fileGeneration = written.find() ? written.group(1) : "none";
        boolean current = loaded.generation().equals(fileGeneration);
        TrafficSplit split = loaded.split();
        return new RouterState(
                type(),
                split,
                split.stable() > 0,
                split.canary() > 0,
                "NGINX has loaded generation " + loaded.generation() + " (" + split + ")"
                        + (current
                                ? ", the file's"
                                : ", but " + settings.file() + " is generation " + fileGeneration + " (" + file.split()
                                        + "): a reload failed or was not done")
                        + "; " + file.detail());
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        String rendered = render(split);
        Optional<String> previous = readFile();
        if (previous.isPresent() && previous.get().equals(rendered) && loaded(rendered)) {
            // Idempotent re-apply: no reload, so keep-alive connections are not disturbed for nothing.
            return live == null ? parse(rendered) : current();
        }
        write(rendered);
        ExternalCommand.Result test = commands.execute(settings.testCommand(), Map.of(), settings.timeout());
        if (!test.succeeded()) {
            restore(previous);
            throw new TrafficRouterException("NGINX rejected the new upstream (" + settings.testCommand()
                    + " exited " + test.exitCode() + "); the previous " + settings.file() + " is back: "
                    + test.quotedOutput());
        }
        ExternalCommand.Result reload = commands.execute(settings.reloadCommand(), Map.of(), settings.timeout());
        if (!reload.succeeded()) {
            restore(previous);
            throw new TrafficRouterException("NGINX reload " + settings.reloadCommand() + " exited " + reload.exitCode()
                    + "; the previous " + settings.file() + " is back: " + reload.quotedOutput());
        }
        // With a status server the read-back is what NGINX loaded; a reload takes a moment, so wait for it briefly.
        return live == null ? parse(rendered) : awaitLoaded(rendered);
    }

    /** What NGINX runs once it has loaded {@code rendered}, or (after a short wait) whatever it still runs. */
    private RouterState awaitLoaded(String rendered) {
        long deadline = System.nanoTime() + Math.min(settings.timeout().toNanos(), LOAD_WAIT.toNanos());
        while (!loaded(rendered) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(LOAD_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrafficRouterException("interrupted while waiting for NGINX to load its configuration", e);
            }
        }
        return current();
    }

    /** The upstream block for {@code split}; the file holds nothing else. */
    String render(TrafficSplit split) {
        StringBuilder out = new StringBuilder()
                .append("# Written by Release Pilot; edits are overwritten. ")
                .append(split)
                .append('\n')
                .append("upstream ")
                .append(settings.upstream())
                .append(" {\n");
        SlotPools slots = settings.slots();
        Map<String, Integer> weights =
                SlotWeights.spread(split, slots.liveServers(), slots.targetServers(), MAX_WEIGHT);
        weights.forEach((server, weight) -> out.append(serverLine(server, weight)));
        for (String directive : settings.directives()) {
            String line = directive.strip();
            out.append("    ")
                    .append(line)
                    .append(line.endsWith(";") ? "" : ";")
                    .append('\n');
        }
        String upstream = out.append("}\n").toString();
        return live == null ? upstream : upstream + live.block(upstream, split);
    }

    private static String serverLine(String server, int weight) {
        return weight == 0 ? "    server " + server + " down;\n" : "    server " + server + " weight=" + weight + ";\n";
    }

    RouterState parse(String text) {
        SlotPools slots = settings.slots();
        Map<String, Integer> found = new HashMap<>();
        Matcher matcher = SERVER.matcher(text);
        while (matcher.find()) {
            int weight =
                    matcher.group(3) != null ? 0 : matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : 1;
            found.put(matcher.group(1), weight);
        }
        int live = 0;
        int target = 0;
        for (String server : slots.allServers()) {
            Integer weight = found.get(server);
            if (weight == null) {
                throw new TrafficRouterException("cannot read the weight of " + server + " back from " + settings.file()
                        + "; rewrite it by applying a split");
            }
            if (slots.liveServers().contains(server)) {
                live += weight;
            } else {
                target += weight;
            }
        }
        if (live + target == 0) {
            throw new TrafficRouterException(
                    "every server in " + settings.file() + " is down; rewrite it by applying a split");
        }
        TrafficSplit split = TrafficSplit.canary((int) Math.round(target * 100.0 / (live + target)));
        StringBuilder detail = new StringBuilder("upstream ")
                .append(settings.upstream())
                .append(" in ")
                .append(settings.file())
                .append(':');
        for (String slot : slots.names()) {
            detail.append(' ').append(slot).append(' ');
            detail.append(slots.servers(slot).stream()
                    .map(server -> server + " weight " + found.get(server))
                    .toList());
        }
        return new RouterState(
                type(), split, live > 0, target > 0, detail.toString(), RouterState.shares(slots, split));
    }

    private Optional<String> readFile() {
        try {
            return Optional.of(Files.readString(settings.file(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TrafficRouterException("cannot read " + settings.file() + ": " + e.getMessage(), e);
        }
    }

    private void restore(Optional<String> previous) {
        try {
            if (previous.isPresent()) {
                write(previous.get());
            } else {
                Files.deleteIfExists(settings.file());
            }
        } catch (IOException e) {
            throw new TrafficRouterException("could not restore " + settings.file() + ": " + e.getMessage(), e);
        }
    }

    /** Temp file in the same directory, then an atomic rename: NGINX never reads a half-written file. */
    private void write(String text) {
        Path target = settings.file().toAbsolutePath();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TrafficRouterException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // already moved, or a harmless leftover
                }
            }
        }
    }
}
