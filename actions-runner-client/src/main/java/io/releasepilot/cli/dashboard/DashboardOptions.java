package io.releasepilot.cli.dashboard;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.ReleaseStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The dashboard's options of {@code serve}. Users and tokens come from {@code RP_DASHBOARD_USERS} and {@code
 * RP_DASHBOARD_TOKENS} ({@code user:secret,...}), never from the command line, where other users could read them.
 */
public final class DashboardOptions {
    @Option(
            names = "--anonymous-read",
            description = "Let anyone who reaches the port read the dashboard (never act); for loopback demos")
    boolean anonymousRead;

    @Option(
            names = "--trusted-proxy",
            paramLabel = "ADDRESS",
            description = "A reverse proxy whose X-Forwarded-User header names the user (repeatable); the header from"
                    + " any other address is ignored")
    List<String> trustedProxies = new ArrayList<>();

    @Option(
            names = "--operator",
            paramLabel = "USER",
            description = "A user who may pause, resume, promote, abort and roll back from the dashboard (repeatable);"
                    + " everyone else reads only")
    List<String> operators = new ArrayList<>();

    /** The access rules of these options and the environment's users and tokens. */
    public DashboardAccess access(Map<String, String> env) {
        Set<InetAddress> proxies = new LinkedHashSet<>();
        for (String proxy : trustedProxies) {
            try {
                proxies.add(InetAddress.getByName(proxy.strip()));
            } catch (UnknownHostException e) {
                throw new InvalidInputException("--trusted-proxy '" + proxy + "' is not a known address", e);
            }
        }
        return new DashboardAccess(
                DashboardAccess.pairs("RP_DASHBOARD_USERS", env.get("RP_DASHBOARD_USERS")),
                DashboardAccess.pairs("RP_DASHBOARD_TOKENS", env.get("RP_DASHBOARD_TOKENS")),
                proxies,
                anonymousRead,
                new LinkedHashSet<>(operators));
    }

    /** The dashboard of {@code service} over {@code store}; the caller closes it (it runs the live-update thread). */
    public DashboardHandler handler(
            Map<String, String> env, ReleaseStore store, String service, List<String> environments, Duration window) {
        return new DashboardHandler(store, service, environments, window, access(env), Duration.ofSeconds(1));
    }
}
