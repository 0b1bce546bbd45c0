package io.releasepilot.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.releasepilot.cli.dashboard.DashboardHandler;
import io.releasepilot.cli.dashboard.DashboardOptions;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.SlotRouting;
import io.releasepilot.core.dora.LedgerDeploymentHistory;
import io.releasepilot.core.metrics.ReleaseMetrics;
import io.releasepilot.core.rollout.AlertDecider;
import io.releasepilot.core.rollout.alert.AlertReceiver;
import io.releasepilot.core.spec.EnvironmentSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code release-pilot serve}: the Alertmanager webhook receiver that rolls back the release in progress, plus {@code
 * /metrics} and {@code /healthz}. Runs until interrupted (SIGTERM/SIGINT).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve POST /alerts (Alertmanager webhook → rollback of the release in progress), "
                + "GET /metrics (Prometheus), GET /healthz and the release dashboard at / (see docs/serve.md).")
public final class ServeCommand implements Callable<Integer> {
    static {
        // The JDK server's own request/response timeouts (seconds); read once when the server class loads.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LedgerOptions ledger;

    @CommandLine.Mixin
    DashboardOptions dashboard;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "release-pilot.yml")
    Path specFile;

    @Option(
            names = "--listen",
            defaultValue = "127.0.0.1:8787",
            paramLabel = "HOST:PORT",
            description = "Address to listen on; default: ${DEFAULT-VALUE} (loopback). Port 0 picks a free one.")
    String listen;

    @Option(
            names = "--dora-window",
            defaultValue = "30d",
            paramLabel = "WINDOW",
            description = "Window of the DORA gauges (30d, 12h, 2w); default: ${DEFAULT-VALUE}")
    String doraWindow;

    @Option(names = "--threads", defaultValue = "8", description = "Worker threads; default: ${DEFAULT-VALUE}")
    int threads;

    @Option(
            names = "--max-body-bytes",
            defaultValue = "1048576",
            description = "Largest accepted request body; default: ${DEFAULT-VALUE}")
    int maxBodyBytes;

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = ReleasePilotCli.environmentOf(spec);
        ReleaseSpec releaseSpec = SpecReader.read(specFile).value();
        for (EnvironmentSpec environment : releaseSpec.environments()) {
            if (releaseSpec.trafficFor(environment.name()).isEmpty()) {
                throw new InvalidInputException(specFile + ": environment '" + environment.name()
                        + "' has no traffic target: serve needs its router to roll back through (add 'traffic')");
            }
        }
        ServeEndpoints.Credentials credentials = ServeEndpoints.Credentials.fromEnvironment(env);
        ServeEndpoints.Limits limits = new ServeEndpoints.Limits(threads, threads * 8, maxBodyBytes);
        InetSocketAddress address = address(listen);
        Duration window = window(doraWindow);
        Set<String> environments =
                releaseSpec.environments().stream().map(EnvironmentSpec::name).collect(Collectors.toSet());
        PrintWriter out = spec.commandLine().getOut();
        StateStoreConfig ledgerConfig = ledger.config(spec, null);
        try (PostgresReleaseStore store = PostgresReleaseStore.open(ledgerConfig)) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ReleaseMetrics metrics = new ReleaseMetrics(
                    registry,
                    store.outbox(),
                    new LedgerDeploymentHistory(store),
                    releaseSpec.environments().stream()
                            .map(e -> new ReleaseMetrics.Stream(releaseSpec.service(), e.name()))
                            .toList(),
                    window,
                    Clock.systemUTC());
            // An alert for one environment rolls back through that environment's traffic target only.
            AlertReceiver receiver = new AlertReceiver(
                    store,
                    environment -> SlotRouting.router(ReleasePorts::specRouter, releaseSpec, environment, store),
                    new AlertDecider(releaseSpec.service(), environments));
            CountDownLatch stopped = new CountDownLatch(1);
            try (DashboardHandler board = dashboard.handler(
                            env,
                            store,
                            releaseSpec.service(),
                            releaseSpec.environments().stream()
                                    .map(EnvironmentSpec::name)
                                    .toList(),
                            window);
                    ServeEndpoints endpoints = new ServeEndpoints(
                            address,
                            receiver,
                            metrics,
                            registry,
                            () -> {
                                store.outbox().unsentCount();
                                return true;
                            },
                            credentials,
                            limits)) {
                endpoints.mount("/", board);
                endpoints.start();
                Thread hook = new Thread(stopped::countDown, "release-pilot-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                out.println("release-pilot serve: listening on http://" + address.getHostString() + ":"
                        + endpoints.port() + " for " + releaseSpec.service() + " " + environments + " ("
                        + "routers per environment, ledger "
                        + ledgerConfig.describe()
                        + ")");
                out.println("release-pilot serve: dashboard at http://" + address.getHostString() + ":"
                        + endpoints.port() + "/");
                out.flush();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // Already shutting down: the hook is running, nothing to remove.
                    }
                }
            }
            out.println("release-pilot serve: stopped at " + Instant.now());
            out.flush();
        }
        return ExitCode.OK.code();
    }

    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidInputException("--listen must be HOST:PORT, was '" + text + "'");
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--listen port must be a number, was '" + text + "'", e);
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("--listen port must be 0..65535, was " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("--listen host '" + host + "' is unknown", e);
        }
    }

    static Duration window(String text) {
        Instant now = Instant.now();
        return Duration.between(DoraCommand.windowStart(text, now), now);
    }
}
