package io.releasepilot.core.traffic.command;

import io.releasepilot.core.traffic.RouterState;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterException;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steers any other load balancer through the user's own program, run as an argv list (no shell):
 *
 * <ul>
 *   <li>set: {@code run… STABLE CANARY}, with {@code RP_STABLE_WEIGHT}, {@code RP_CANARY_WEIGHT} and
 *       {@code RP_ROUTER_ACTION=set} in the environment; exit 0 means applied.
 *   <li>read back: {@code run… get} with {@code RP_ROUTER_ACTION=get}; the program prints the two effective weights
 *       {@code STABLE CANARY} (whitespace separated) as its last non-empty output line.
 * </ul>
 *
 * Reading back asks the program, not a state file of ours, so a change made outside Release Pilot is seen.
 */
public final class CommandTrafficRouter implements TrafficRouter {
    private static final Pattern WEIGHTS = Pattern.compile("^\\s*(\\d{1,3})\\s+(\\d{1,3})\\s*$");

    private final TrafficRouterSettings.Command settings;
    private final ExternalCommand commands;

    public CommandTrafficRouter(TrafficRouterSettings.Command settings) {
        this(settings, ExternalCommand.isolated());
    }

    /** A router whose program runs under the release's process policy. */
    public CommandTrafficRouter(TrafficRouterSettings.Command settings, ExternalCommand commands) {
        this.settings = settings;
        this.commands = commands;
    }

    @Override
    public String type() {
        return "command";
    }

    @Override
    public RouterState current() {
        List<String> argv = new ArrayList<>(settings.run());
        argv.add("get");
        ExternalCommand.Result result = commands.execute(argv, Map.of("RP_ROUTER_ACTION", "get"), settings.timeout());
        if (!result.succeeded()) {
            throw new TrafficRouterException(
                    "traffic command " + argv + " exited " + result.exitCode() + ": " + result.quotedOutput());
        }
        String[] lines = result.output().strip().split("\n");
        Matcher matcher = WEIGHTS.matcher(lines[lines.length - 1]);
        if (!matcher.matches()) {
            throw new TrafficRouterException("traffic command " + argv
                    + " must print 'STABLE CANARY' (two weights) as its last line, printed: " + result.quotedOutput());
        }
        int stable = Integer.parseInt(matcher.group(1));
        int canary = Integer.parseInt(matcher.group(2));
        if (stable + canary != 100 || stable > 100 || canary > 100) {
            throw new TrafficRouterException("traffic command " + argv + " reported weights " + stable + " " + canary
                    + ", which do not sum to 100");
        }
        TrafficSplit split = new TrafficSplit(stable, canary);
        return new RouterState(type(), split, stable > 0, canary > 0, "command " + argv + ": " + stable + " " + canary);
    }

    @Override
    public RouterState apply(TrafficSplit split) {
        List<String> argv = new ArrayList<>(settings.run());
        argv.add(Integer.toString(split.stable()));
        argv.add(Integer.toString(split.canary()));
        ExternalCommand.Result result = commands.execute(
                argv,
                Map.of(
                        "RP_STABLE_WEIGHT", Integer.toString(split.stable()),
                        "RP_CANARY_WEIGHT", Integer.toString(split.canary()),
                        "RP_ROUTER_ACTION", "set"),
                settings.timeout());
        if (!result.succeeded()) {
            throw new TrafficRouterException(
                    "traffic command " + argv + " exited " + result.exitCode() + ": " + result.quotedOutput());
        }
        return current();
    }
}
