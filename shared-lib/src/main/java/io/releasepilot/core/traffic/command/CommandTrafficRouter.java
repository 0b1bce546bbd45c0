package io.releasepilot.core.traffic.command;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.SlotPools;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steers any other load balancer through the user's own program, run as an argv list (no shell):
 *
 * <ul>
 *   <li>set: {@code run… LIVE TARGET} (the live and the target slot's share), with {@code RP_STABLE_WEIGHT},
 *       {@code RP_CANARY_WEIGHT}, {@code RP_WEIGHTS} ({@code blue=90 green=10}) and {@code RP_ROUTER_ACTION=set} in
 *       the environment; exit 0 means applied.
 *   <li>read back: {@code run… get} with {@code RP_ROUTER_ACTION=get}; the program prints the two effective weights
 *       as its last non-empty output line, either {@code LIVE TARGET} or by slot name ({@code blue=90 green=10}).
 * </ul>
 *
 * Both calls also get the slots: {@code RP_LIVE_SLOT}, {@code RP_LIVE_SERVERS}, {@code RP_TARGET_SLOT} and
 * {@code RP_TARGET_SERVERS} (servers space-separated).
 *
 * Reading back asks the program, not a state file of ours, so a change made outside Release Pilot is seen.
 */
public final class CommandTrafficRouter implements TrafficRouter {
    private static final Pattern WEIGHTS = Pattern.compile("^\\s*(\\d{1,3})\\s+(\\d{1,3})\\s*$");
    private static final Pattern SLOT_WEIGHTS =
            Pattern.compile("^\\s*([A-Za-z0-9._:-]+)=(\\d{1,3})\\s+([A-Za-z0-9._:-]+)=(\\d{1,3})\\s*$");

    private final TrafficRouterSettings.Command settings;
    /** The release's {@code RP_*} variables, passed to every call once a release is running. */
    private volatile Map<String, String> release = Map.of();

    private final ExternalCommand commands;

    public CommandTrafficRouter(TrafficRouterSettings.Command settings) {
        this(settings, ExternalCommand.isolated());
    }

    /** A router whose program runs under the release's process policy. */
    public CommandTrafficRouter(TrafficRouterSettings.Command settings, ExternalCommand commands) {
        this.settings = settings;
        this.commands = commands;
    }

    /** Passes {@code variables} (the release's {@code RP_*}, see docs/rollout.md) to every following call. */
    public void releaseEnvironment(Map<String, String> variables) {
        this.release = Map.copyOf(variables);
    }

    @Override
    public String type() {
        return "command";
    }

    @Override
    public SlotPools slots() {
        return settings.slots();
    }

    @Override
    public TrafficRouter withLive(String slot) {
        if (slot.equals(settings.slots().live())) {
            return this;
        }
        CommandTrafficRouter turned = new CommandTrafficRouter(settings.withLive(slot), commands);
        turned.releaseEnvironment(release);
        return turned;
    }

    private Map<String, String> variables(String action) {
        SlotPools slots = settings.slots();
        Map<String, String> variables = new HashMap<>(release);
        variables.put("RP_ROUTER_ACTION", action);
        variables.put("RP_LIVE_SLOT", slots.live());
        variables.put("RP_LIVE_SERVERS", String.join(" ", slots.liveServers()));
        variables.put("RP_TARGET_SLOT", slots.target());
        variables.put("RP_TARGET_SERVERS", String.join(" ", slots.targetServers()));
        return variables;
    }

    @Override
    public RouterState current() {
        List<String> argv = new ArrayList<>(settings.run());
        argv.add("get");
        ExternalCommand.Result result = commands.execute(argv, variables("get"), settings.timeout());
        if (!result.succeeded()) {
            throw new TrafficRouterException(
                    "traffic command " + argv + " exited " + result.exitCode() + ": " + result.quotedOutput());
        }
        String[] lines = result.output().strip().split("\n");
        String last = lines[lines.length - 1];
        Matcher matcher = WEIGHTS.matcher(last);
        Matcher named = SLOT_WEIGHTS.matcher(last);
        int stable;
        int canary;
        SlotPools slots = settings.slots();
        if (matcher.matches()) {
            stable = Integer.parseInt(matcher.group(1));
            canary = Integer.parseInt(matcher.group(2));
        } else if (named.matches()
                && slots.names().contains(named.group(1))
                && slots.names().contains(named.group(3))
                && !named.group(1).equals(named.group(3))) {
            boolean liveFirst = named.group(1).equals(slots.live());
            stable = Integer.parseInt(named.group(liveFirst ? 2 : 4));
            canary = Integer.parseInt(named.group(liveFirst ? 4 : 2));
        } else {
            throw new TrafficRouterException("traffic command " + argv
                    + " must print 'LIVE TARGET' (two weights) or '" + slots.live() + "=N " + slots.target()
                    + "=M' as its last line, printed: " + result.quotedOutput());
        }
        if (stable + canary != 100 || stable > 100 || canary > 100) {
            throw new TrafficRouterException("traffic command " + argv + " reported weights " + stable + " " + canary
                    + ", which do not sum to 100");
        }
        TrafficSplit split = new TrafficSplit(stable, canary);
        return new RouterState(
                type(),
                split,
                stable > 0,
                canary > 0,
                "command " + argv + ": " + slots.live() + "=" + stable + " " + slots.target() + "=" + canary,
                RouterState.shares(slots, split));
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        List<String> argv = new ArrayList<>(settings.run());
        argv.add(Integer.toString(split.stable()));
        argv.add(Integer.toString(split.canary()));
        Map<String, String> variables = variables("set");
        variables.put("RP_STABLE_WEIGHT", Integer.toString(split.stable()));
        variables.put("RP_CANARY_WEIGHT", Integer.toString(split.canary()));
        variables.put(
                "RP_WEIGHTS",
                settings.slots().live() + "=" + split.stable() + " "
                        + settings.slots().target() + "=" + split.canary());
        ExternalCommand.Result result = commands.execute(argv, variables, settings.timeout());
        if (!result.succeeded()) {
            throw new TrafficRouterException(
                    "traffic command " + argv + " exited " + result.exitCode() + ": " + result.quotedOutput());
        }
        return current();
    }
}
