package io.releasepilot.cli;

import io.releasepilot.cli.dashboard.DashboardServer;
import io.releasepilot.cli.demo.DemoHaproxy;
import io.releasepilot.cli.demo.LoadGenerator;
import io.releasepilot.cli.demo.ObservedReleaseSignals;
import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.application.Rollout;
import io.releasepilot.core.rollout.ReleaseOutcome;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditEntry;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.embedded.EmbeddedProxy;
import io.releasepilot.sample.SampleService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code release-pilot demo}: the whole product on one machine with only a JDK. Two releases of a sample service go
 * through a real load balancer under load: a canary of v2 that starts failing at 25 % and is rolled back by itself,
 * then a blue-green release of a good v3. Everything runs on loopback and stops with the command.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a short canary (rolled back automatically) and a blue-green release on this machine.")
final class DemoCommand implements Callable<Integer> {
    private static final String SERVICE = "shop";
    private static final String ENVIRONMENT = "demo";

    @Option(names = "--keep", description = "keep everything running afterwards, to watch with 'status --watch'")
    boolean keep;

    @Option(
            names = "--step-seconds",
            defaultValue = "4",
            description = "seconds per canary step (default: ${DEFAULT-VALUE})")
    int stepSeconds;

    @Option(names = "--embedded-proxy", description = "use the in-process proxy even when HAProxy is installed")
    boolean embeddedProxy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (stepSeconds < 1 || stepSeconds > 60) {
            throw new io.releasepilot.core.InvalidInputException("--step-seconds must be 1..60, was " + stepSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        Path dir = Files.createDirectories(
                Path.of(env.getOrDefault("RP_STATE_DIR", StateStoreConfig.DEFAULT_DATA_DIRECTORY.toString()), "demo"));
        Thread cleanup = new Thread(this::closeAll, "demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return run(out, env, dir);
        } finally {
            if (!keep) {
                closeAll();
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }
    }

    private int run(PrintWriter out, Map<String, String> env, Path dir) throws Exception {
        say(out, "Release Pilot demo: service '" + SERVICE + "', environment '" + ENVIRONMENT + "'");
        SampleService v1 = keep(SampleService.start(SERVICE, "v1", 0));
        SampleService v2 = keep(SampleService.start(SERVICE, "v2", 0));
        SampleService v3 = keep(SampleService.start(SERVICE, "v3", 0));
        say(out, "started v1 on " + v1.uri() + ", v2 on " + v2.uri() + ", v3 on " + v3.uri());

        Optional<Path> haproxyBinary = embeddedProxy ? Optional.empty() : DemoHaproxy.binary();
        URI frontend;
        TrafficRouterSettings canarySettings;
        TrafficRouterSettings blueGreenSettings;
        EmbeddedProxy second = null;
        String routerSection;
        if (haproxyBinary.isPresent()) {
            DemoHaproxy haproxy = keep(DemoHaproxy.start(
                    haproxyBinary.get(),
                    dir,
                    List.of(
                            new DemoHaproxy.Server("blue", v1.port(), 100),
                            new DemoHaproxy.Server("canary", v2.port(), 0),
                            new DemoHaproxy.Server("green", v3.port(), 0))));
            frontend = haproxy.uri();
            canarySettings = haproxySettings(haproxy.socket(), "canary");
            blueGreenSettings = haproxySettings(haproxy.socket(), "green");
            routerSection = "haproxy: { socket: \"" + haproxy.socket() + "\", backend: app, stable: blue, canary: %s }";
            say(
                    out,
                    "traffic goes through HAProxy (" + haproxyBinary.get() + ") on " + frontend
                            + ", driven through its runtime API " + haproxy.socket());
        } else {
            EmbeddedProxy first = keep(EmbeddedProxy.start(v1.uri(), v2.uri(), 0));
            second = keep(EmbeddedProxy.start(v1.uri(), v3.uri(), 0));
            frontend = first.frontendUri();
            canarySettings = new TrafficRouterSettings.Embedded(first.adminUri(), Duration.ofSeconds(2));
            blueGreenSettings = new TrafficRouterSettings.Embedded(second.adminUri(), Duration.ofSeconds(2));
            routerSection = "haproxy: { address: \"127.0.0.1:1\", backend: app, stable: blue, canary: %s }";
            say(
                    out,
                    "HAProxy is not installed: traffic goes through Release Pilot's in-process weighted proxy on "
                            + frontend + " (install haproxy to see the demo drive a real load balancer)");
        }

        LoadGenerator load = keep(LoadGenerator.start(frontend, 120));
        say(out, "load generator: 120 requests/s to " + frontend);

        SpecFile canarySpec = spec(dir, "canary", routerSection, "canary", v2.port(), v3.port());
        SpecFile blueGreenSpec = spec(dir, "blue-green", routerSection, "green", v3.port(), v3.port());

        say(
                out,
                "opening the ledger ("
                        + (env.containsKey("RP_DATABASE_URL")
                                ? "RP_DATABASE_URL"
                                : "embedded Postgres in "
                                        + StateStoreConfig.fromEnvironment(env).dataDirectory())
                        + ")");
        PostgresReleaseStore store = keep(PostgresReleaseStore.open(StateStoreConfig.fromEnvironment(env)));
        Actor actor = new Actor(env.getOrDefault("USER", "demo"), null);
        clearLeftovers(store, actor, out);

        say(out, "");
        say(out, "== 1. canary of v2: steps 10/25/50/100 % of " + stepSeconds + " s; v2 starts failing at 25 %");
        AtomicBoolean failing = new AtomicBoolean();
        ReleaseOutcome canary;
        try (ReleaseSession session = session(store, canarySettings, load, v2, canarySpec, env)) {
            canary = new Rollout(session).canary(new Rollout.Request("v2", actor, null, false), progress -> {
                say(out, progress.line() + share(load));
                if (progress.canaryWeight() >= 25
                        && progress.canaryWeight() < 100
                        && failing.compareAndSet(false, true)) {
                    v2.failFraction(0.3);
                    say(out, "[demo] v2 now fails 30 % of its requests");
                }
            });
        }
        say(out, "canary ended: " + canary.state() + " (" + canary.reason() + ")");

        say(out, "");
        say(out, "== 2. blue-green release of v3: smoke checks, all traffic switched at once, watched, blue kept");
        if (second != null) {
            load.target(second.frontendUri());
        }
        ReleaseOutcome blueGreen;
        try (ReleaseSession session = session(store, blueGreenSettings, load, v3, blueGreenSpec, env)) {
            blueGreen = new Rollout(session)
                    .blueGreen(
                            new Rollout.Request("v3", actor, null, false),
                            progress -> say(out, progress.line() + share(load)));
        }
        say(out, "blue-green ended: " + blueGreen.state() + " (" + blueGreen.reason() + ")");

        say(out, "");
        say(out, "== report");
        out.println(canary.report());
        out.println(blueGreen.report());
        say(out, "== ledger rows of this run");
        printLedger(out, store, canary.releaseId());
        printLedger(out, store, blueGreen.releaseId());
        say(out, "== where these releases' notifications would go (the routing example of docs/notifications.md)");
        io.releasepilot.cli.demo.DemoNotifications.print(
                out, store, List.of(canary.releaseId(), blueGreen.releaseId()));
        long[] totals = load.totals();
        say(out, "load: " + totals[0] + " requests, " + totals[1] + " failed");

        boolean asExpected = canary.state() == ReleaseState.ROLLED_BACK && blueGreen.succeeded();
        say(
                out,
                asExpected
                        ? "demo finished as expected: the failing canary was rolled back, v3 is live"
                        : "demo did NOT end as expected: canary " + canary.state() + ", blue-green "
                                + blueGreen.state());
        if (keep) {
            // The last release was the blue-green one: its spec names the servers that now carry the traffic.
            Path specFile = dir.resolve("release-pilot-blue-green.yml");
            say(out, "");
            say(out, "--keep: everything keeps running (Ctrl-C stops it). Watch the ledger from another terminal:");
            String database = store.embeddedJdbcUrl()
                    .map(url -> "RP_DATABASE_URL='" + url + "' ")
                    .orElse("");
            say(
                    out,
                    "  " + database + "./release-pilot status --watch --spec " + specFile.toAbsolutePath()
                            + " --environment " + ENVIRONMENT);
            DashboardServer dashboard = keep(DashboardServer.loopbackReadOnly(store, SERVICE, List.of(ENVIRONMENT)));
            say(out, "  or open the dashboard (read-only, loopback only): " + dashboard.uri());
            new CountDownLatch(1).await();
        }
        return asExpected ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** A release session on the demo's shared ledger, routed through the demo's proxy and measured from its load. */
    private static ReleaseSession session(
            ReleaseStore store,
            TrafficRouterSettings settings,
            LoadGenerator load,
            SampleService canary,
            SpecFile releaseSpec,
            Map<String, String> env) {
        ObservedReleaseSignals signals = new ObservedReleaseSignals(
                load, Duration.ofSeconds(2), Optional.of(canary.uri().resolve("/healthz")));
        ReleasePorts ports = ReleasePorts.standard(Ledger.shared(store), env)
                .withRouters(spec -> TrafficRouterRegistry.create(settings))
                .withSignals(spec -> signals);
        return ReleaseSession.open(releaseSpec, ENVIRONMENT, ports);
    }

    private SpecFile spec(
            Path dir, String strategy, String routerSection, String canaryServer, int healthPort, int greenPort) {
        String yaml = """
                # Written by 'release-pilot demo'. Steps last seconds instead of minutes.
                service: %s
                environments:
                  - name: %s
                strategy:
                  type: %s
                  canary:
                    analysisInterval: 1s
                    steps:
                      - { weight: 10%%, duration: %ds, criteria: { errorRate: "< 1%%", p95Latency: "< 400ms" } }
                      - { weight: 25%%, duration: %ds, criteria: { errorRate: "< 1%%", p95Latency: "< 450ms" } }
                      - { weight: 50%%, duration: %ds, criteria: { errorRate: "< 1.5%%", p95Latency: "< 500ms" } }
                      - { weight: 100%%, duration: 0s }
                  blueGreen:
                    smokeChecks:
                      - { url: "http://127.0.0.1:%d/healthz", expectStatus: 200, timeout: 1s }
                    watchWindow: %ds
                    scaleDownDelay: 2s
                traffic:
                  router: haproxy
                  %s
                metrics:
                  healthCheck: { url: "http://127.0.0.1:%d/healthz", expectStatus: 200, interval: 1s, timeout: 1s }
                rollback:
                  triggers:
                    - { name: error-rate, metric: errorRate, comparator: ">", threshold: 2%%, for: 2s, severity: critical }
                    - { name: p95-latency, metric: p95Latency, comparator: ">", threshold: 1000ms, for: 5s, severity: critical }
                    - { name: health, metric: healthCheckFailures, comparator: ">=", threshold: 3, for: 0s, severity: critical }
                """.formatted(
                        SERVICE,
                        ENVIRONMENT,
                        strategy,
                        stepSeconds,
                        stepSeconds,
                        stepSeconds,
                        greenPort,
                        stepSeconds,
                        routerSection.formatted(canaryServer),
                        healthPort);
        try {
            Files.writeString(
                    dir.resolve(strategy.equals("canary") ? "release-pilot.yml" : "release-pilot-" + strategy + ".yml"),
                    yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SpecReader.readFile("demo/" + strategy + ".yml", yaml.getBytes(StandardCharsets.UTF_8))
                .value();
    }

    private static TrafficRouterSettings haproxySettings(Path socket, String canary) {
        return new TrafficRouterSettings.Haproxy(socket, null, "app", "blue", canary, Duration.ofSeconds(2));
    }

    /** A demo interrupted earlier may have left its release holding the lock: end it, audited. */
    private static void clearLeftovers(ReleaseStore store, Actor actor, PrintWriter out) {
        Optional<Release> left = store.inProgress(SERVICE, ENVIRONMENT);
        if (left.isPresent()) {
            store.finish(left.get().id(), ReleaseState.ABORTED, actor, "left over from an interrupted demo run");
            say(out, "ended release " + left.get().id() + " left over from an interrupted demo run (ABORTED)");
        }
    }

    private static String share(LoadGenerator load) {
        Map<String, Integer> share = load.share(Duration.ofSeconds(1));
        return share.isEmpty() ? "" : " · last 1s answered by " + share;
    }

    private static void printLedger(PrintWriter out, ReleaseStore store, java.util.UUID releaseId) {
        Release release = store.find(releaseId).orElseThrow();
        out.printf(
                "release %s  %s %s → %s  %s  started %s  finished %s%n",
                release.id(),
                release.service(),
                release.version(),
                release.environment(),
                release.state(),
                release.startedAt(),
                release.finishedAt());
        for (ReleaseStep step : store.steps(releaseId)) {
            var s = step.step();
            String what = s.weights() != null
                    ? "weights " + s.weights().stable() + "/" + s.weights().canary()
                    : s.verdict() == null ? "" : s.verdict().name();
            // Notes and traffic changes say what happened; a verdict's column says the rest.
            String event = s.kind() == StepKind.NOTE || s.kind() == StepKind.TRAFFIC
                    ? s.detail().event()
                    : s.detail() instanceof StepDetail.Gate gate ? gate.reason() : "";
            out.printf("  step #%-4d %-12s %-16s %s%n", step.sequence(), s.kind(), what, event);
        }
        for (AuditEntry entry : store.auditTrail(releaseId)) {
            out.printf(
                    "  audit #%-3d %-9s by %s%s%n",
                    entry.sequence(),
                    entry.action(),
                    entry.actor().name(),
                    entry.reason() == null ? "" : ": " + entry.reason());
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private synchronized void closeAll() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // Best effort: the other resources must still be stopped.
            }
        }
        resources.clear();
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
