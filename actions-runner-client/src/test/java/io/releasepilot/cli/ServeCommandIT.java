package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.ReleaseReport;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.HaproxyProcess;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.testing.VersionProbe;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.sample.SampleService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release-pilot serve} in-process with real components: the test Postgres (own schema), an own HAProxy in
 * front of SampleService v1/v2, and for the end-to-end case the services' Prometheus and Alertmanager.
 */
class ServeCommandIT {
    private static final String TOKEN = "s3cret-" + UUID.randomUUID();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;

    private static SampleService v1;
    private static SampleService v2;
    private static HaproxyProcess haproxy;
    private static PostgresReleaseStore store;
    private static Thread serveThread;
    private static StringWriter serveOut;
    private static StringWriter serveErr;
    private static URI serve;

    @BeforeAll
    static void start() throws Exception {
        v1 = SampleService.start("v1");
        v2 = SampleService.start("v2");
        haproxy = HaproxyProcess.start(
                dir,
                List.of(
                        new HaproxyProcess.Server("blue", v1.port(), 100),
                        new HaproxyProcess.Server("green", v2.port(), 0)));
        StateStoreConfig config = LedgerDatabases.freshSchema();
        store = PostgresReleaseStore.open(config);
        Path spec = dir.resolve("release-pilot.yml");
        Files.writeString(spec, """
                version: 1
                service: sample
                environments:
                  - name: production
                traffic:
                  router: haproxy
                  haproxy:
                    socket: %s
                    backend: app
                    stable: blue
                    canary: green
                    timeout: 2s
                """.formatted(haproxy.socket()));
        Map<String, String> env = new HashMap<>();
        env.put("RP_DATABASE_URL", TestServices.get("RP_PG_URL"));
        env.put("RP_DATABASE_USER", TestServices.get("RP_PG_USER"));
        String password = TestServices.get("RP_PG_PASSWORD");
        if (!password.isEmpty()) {
            env.put("RP_DATABASE_PASSWORD", password);
        }
        env.put("RP_DATABASE_SCHEMA", config.schema());
        env.put("RP_WEBHOOK_TOKEN", TOKEN);
        env.put("RP_WEBHOOK_USER", "am");
        env.put("RP_WEBHOOK_PASSWORD", "pw");
        serveOut = new StringWriter();
        serveErr = new StringWriter();
        serveThread = new Thread(
                () -> ReleasePilotCli.run(
                        RunnerEnvironment.of(env),
                        new PrintWriter(serveOut, true),
                        new PrintWriter(serveErr, true),
                        "serve",
                        "--spec",
                        spec.toString(),
                        "--listen",
                        "127.0.0.1:0"),
                "serve-under-test");
        serveThread.start();
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (serve == null && System.nanoTime() < deadline && serveThread.isAlive()) {
            Matcher matcher = listening.matcher(serveOut.toString());
            if (matcher.find()) {
                serve = URI.create(matcher.group(1) + "/");
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(serve).as("serve did not start: " + serveOut + serveErr).isNotNull();
    }

    @AfterAll
    static void stop() throws Exception {
        if (serveThread != null) {
            serveThread.interrupt();
            serveThread.join(10_000);
        }
        if (store != null) {
            store.close();
        }
        if (haproxy != null) {
            haproxy.close();
        }
        v1.close();
        v2.close();
    }

    @Test
    void shouldRefuseAlertsWithoutTheRightCredentials() throws Exception {
        Release release = canaryAt25();
        String body = AlertsFixture.webhook("g-auth", "firing", "Boom");

        assertThat(post("/alerts", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/alerts", body, "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("/alerts", body, basic("am", "nope")).statusCode()).isEqualTo(401);
        assertThat(post("/alerts", body, basic("am", "")).statusCode()).isEqualTo(401);
        assertThat(post("/alerts", body, basic("", "")).statusCode()).isEqualTo(401);
        assertThat(post("/alerts", body, "Bearer ").statusCode()).isEqualTo(401);

        assertThat(store.find(release.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        assertThat(store.steps(release.id())).hasSize(1);
    }

    @Test
    void shouldAnswer400AndChangeNothingForABadPayload() throws Exception {
        Release release = canaryAt25();

        HttpResponse<String> malformed = post("/alerts", "{\"version\":\"4\", alerts", "Bearer " + TOKEN);
        HttpResponse<String> wrongVersion = post(
                "/alerts",
                AlertsFixture.webhook("g-bad", "firing", "Boom").replace("\"4\"", "\"3\""),
                basic("am", "pw"));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(wrongVersion.body()).contains("version");
        assertThat(store.find(release.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        assertThat(store.steps(release.id())).hasSize(1);
        assertThat(store.auditTrail(release.id())).extracting(e -> e.action()).containsExactly(AuditAction.START);
    }

    @Test
    void shouldRollBackOnceForARepeatedGroupEvenAfterANewReleaseStarted() throws Exception {
        Release first = canaryAt25();
        String body = AlertsFixture.webhook("g-repeat", "firing", "ErrorRateHigh");

        HttpResponse<String> response = post("/alerts", body, "Bearer " + TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("ROLLBACK", first.id().toString());
        Release rolledBack = store.find(first.id()).orElseThrow();
        assertThat(rolledBack.state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(rolledBack.finishReason()).contains("ErrorRateHigh", "2099-01-01T00:00:00Z", "error rate 3 %");
        assertThat(rolledBack.weights()).isEqualTo(TrafficSplit.ALL_STABLE);
        assertThat(VersionProbe.awaitOnly(haproxy.uri(), "v1", 20)).isEqualTo(Map.of("v1", 20));

        Release second = canaryAt25();
        HttpResponse<String> repeated = post("/alerts", body, "Bearer " + TOKEN);

        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).contains("ALREADY_HANDLED");
        assertThat(store.find(second.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        finish(second);
    }

    @Test
    void shouldAnswer200WithANoteWhenNothingIsInProgressOrTheAlertIsResolved() throws Exception {
        HttpResponse<String> nothing =
                post("/alerts", AlertsFixture.webhook("g-none", "firing", "Boom"), "Bearer " + TOKEN);
        Release release = canaryAt25();
        HttpResponse<String> resolved =
                post("/alerts", AlertsFixture.webhook("g-resolved", "resolved", "Boom"), "Bearer " + TOKEN);

        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).contains("NOTHING_IN_PROGRESS", "nothing to roll back");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("resolved");
        assertThat(store.find(release.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        finish(release);
    }

    @Test
    void shouldExposeReleaseAndDoraMetrics() throws Exception {
        Release release = canaryAt25();
        store.recordStep(release.id(), LedgerSteps.gate(1, Verdict.PASS, Map.of()));
        store.recordStep(release.id(), LedgerSteps.traffic(2, TrafficSplit.canary(75)));

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("releases_started_total")
                .contains("releases_completed_total")
                .contains("gate_verdicts_total{verdict=\"PASS\"}")
                .contains("canary_weight{environment=\"production\",service=\"sample\"} 75.0")
                .contains("dora_deployment_frequency_per_day{environment=\"production\",service=\"sample\"}")
                .contains("dora_change_failure_ratio{environment=\"production\",service=\"sample\"}")
                .contains("dora_lead_time_seconds")
                .contains("dora_time_to_restore_seconds");
        store.finish(release.id(), ReleaseState.ROLLED_BACK, Actor.of("alertmanager"), "test");
        assertThat(get("/metrics").body())
                .contains("rollbacks_total{reason=\"alert\"}")
                .contains("canary_weight{environment=\"production\",service=\"sample\"} 0.0");
    }

    @Test
    void shouldReportTheLedgerInHealthz() throws Exception {
        HttpResponse<String> health = get("/healthz");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ledger\":true");
    }

    @Test
    void shouldRollBackWhenPrometheusFiresAndAlertmanagerPostsToServe() throws Exception {
        Path rules = Path.of(TestServices.get("RP_PROMETHEUS_RULES_DIR"), "serve-it.yml");
        Path targets = Path.of(TestServices.get("RP_PROMETHEUS_TARGETS_DIR"), "serve-it.json");
        Path amConfig = Path.of(TestServices.get("RP_ALERTMANAGER_CONFIG"));
        String originalAm = Files.readString(amConfig);
        AtomicBoolean trafficOn = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            while (trafficOn.get()) {
                try {
                    HTTP.send(
                            HttpRequest.newBuilder(haproxy.uri())
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(5);
                } catch (Exception e) {
                    // Keep the load going; the assertions look at the ledger and the balancer.
                }
            }
        });
        try {
            Release release = canaryAt25();
            Files.writeString(
                    targets,
                    "[{\"targets\":[\"127.0.0.1:" + v1.port() + "\",\"127.0.0.1:" + v2.port()
                            + "\"],\"labels\":{\"environment\":\"production\"}}]");
            // A label unique to this run: Alertmanager remembers notified groups (repeat_interval) across restarts.
            Files.writeString(rules, """
                    groups:
                      - name: serve-it
                        rules:
                          - alert: ServeItV2ErrorRatio
                            expr: |
                              sum by (service, environment) (rate(http_requests_total{version="v2",code=~"5.."}[5s]))
                                / sum by (service, environment) (rate(http_requests_total{version="v2"}[5s])) > 0.2
                            labels: { severity: critical, run: "%s" }
                            annotations: { summary: "v2 error ratio {{ $value }}" }
                    """.formatted(java.util.UUID.randomUUID()));
            Files.writeString(amConfig, """
                    route: { receiver: rp, group_by: [alertname, service, environment], group_wait: 1s, group_interval: 1s, repeat_interval: 1h }
                    receivers:
                      - name: rp
                        webhook_configs:
                          - url: '%salerts'
                            send_resolved: true
                            http_config: { authorization: { type: Bearer, credentials: '%s' } }
                    """.formatted(serve, TOKEN));
            reload(TestServices.get("RP_ALERTMANAGER_URL"));
            reload(TestServices.get("RP_PROMETHEUS_URL"));
            traffic.start();
            v2.failFraction(1.0);

            // Generous on a loaded 2-core machine: scrape (1 s) + rate window (5 s) + rule + resend + group_wait.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Release now = store.find(release.id()).orElseThrow();
            while (now.state() == ReleaseState.IN_PROGRESS && System.nanoTime() < deadline) {
                Thread.sleep(250);
                now = store.find(release.id()).orElseThrow();
            }

            assertThat(now.state())
                    .as(
                            "%s%s%nPrometheus alerts: %s%nAlertmanager alerts: %s",
                            serveOut,
                            serveErr,
                            diagnose(TestServices.get("RP_PROMETHEUS_URL") + "/api/v1/alerts"),
                            diagnose(TestServices.get("RP_ALERTMANAGER_URL") + "/api/v2/alerts"))
                    .isEqualTo(ReleaseState.ROLLED_BACK);
            assertThat(now.finishReason()).contains("ServeItV2ErrorRatio", "severity=critical", "v2 error ratio");
            assertThat(now.weights()).isEqualTo(TrafficSplit.ALL_STABLE);
            assertThat(store.auditTrail(release.id()))
                    .anySatisfy(entry -> assertThat(entry.actor().name()).isEqualTo("alertmanager"));
            assertThat(VersionProbe.awaitOnly(haproxy.uri(), "v1", 20)).isEqualTo(Map.of("v1", 20));
        } finally {
            trafficOn.set(false);
            traffic.join(5_000);
            v2.failFraction(0);
            Files.deleteIfExists(rules);
            Files.deleteIfExists(targets);
            Files.writeString(amConfig, originalAm);
            reload(TestServices.get("RP_PROMETHEUS_URL"));
            reload(TestServices.get("RP_ALERTMANAGER_URL"));
        }
    }

    @Test
    void shouldRecordButNotRollBackAnAlertThatStartedBeforeTheRelease() throws Exception {
        Path amConfig = Path.of(TestServices.get("RP_ALERTMANAGER_CONFIG"));
        String originalAm = Files.readString(amConfig);
        String alertName =
                "ServeItOlderThanRelease" + UUID.randomUUID().toString().substring(0, 8);
        Instant firingSince =
                Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Release release = canaryAt25();
        try {
            Files.writeString(amConfig, """
                    route: { receiver: rp, group_by: [alertname, service, environment], group_wait: 1s, group_interval: 1s, repeat_interval: 1h }
                    receivers:
                      - name: rp
                        webhook_configs:
                          - url: '%salerts'
                            send_resolved: true
                            http_config: { authorization: { type: Bearer, credentials: '%s' } }
                    """.formatted(serve, TOKEN));
            reload(TestServices.get("RP_ALERTMANAGER_URL"));
            // An alert that has been firing for ten minutes, as a Prometheus would post it to the real Alertmanager.
            HttpResponse<String> posted = HTTP.send(
                    HttpRequest.newBuilder(URI.create(TestServices.get("RP_ALERTMANAGER_URL") + "/api/v2/alerts"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"" + alertName
                                    + "\",\"service\":\"sample\",\"environment\":\"production\",\"severity\":"
                                    + "\"critical\"},\"annotations\":{\"summary\":\"disk full since before the"
                                    + " release\"},\"startsAt\":\"" + firingSince + "\"}]"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<String> notices = List.of();
            while (notices.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                notices = store.steps(release.id()).stream()
                        .map(step -> step.step().detail())
                        .filter(StepDetail.Notice.class::isInstance)
                        .map(detail -> ((StepDetail.Notice) detail).message())
                        .filter(message -> message.contains(alertName))
                        .toList();
            }

            assertThat(notices)
                    .as(
                            "%s%s%nAlertmanager alerts: %s",
                            serveOut, serveErr, diagnose(TestServices.get("RP_ALERTMANAGER_URL") + "/api/v2/alerts"))
                    .singleElement()
                    .asString()
                    .contains(
                            "alert " + alertName + " firing since",
                            "predates release 2.0.0",
                            "recorded, not rolled back");
            Release now = store.find(release.id()).orElseThrow();
            assertThat(now.state()).isEqualTo(ReleaseState.IN_PROGRESS);
            assertThat(now.weights()).isEqualTo(TrafficSplit.canary(25));
            assertThat(TrafficRouterRegistry.create(haproxy.settings("blue", "green"))
                            .current()
                            .split())
                    .isEqualTo(TrafficSplit.canary(25));
            assertThat(ReleaseReport.markdown(now, store.steps(release.id()), store.auditTrail(release.id())))
                    .contains(alertName, "recorded, not rolled back");
        } finally {
            Files.writeString(amConfig, originalAm);
            reload(TestServices.get("RP_ALERTMANAGER_URL"));
            finish(release);
        }
    }

    /** What Prometheus or Alertmanager says, for the failure message of the end-to-end test. */
    private static String diagnose(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    /** A release in progress with the canary at 25 %, set on HAProxy and recorded in the ledger. */
    private static Release canaryAt25() {
        Release release = store.start(
                ReleaseRequest.of("sample", "production", "2.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                StartOptions.takeover("next test"));
        TrafficRouterRegistry.create(haproxy.settings("blue", "green")).apply(TrafficSplit.canary(25));
        store.recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.canary(25)));
        return release;
    }

    private static void finish(Release release) {
        store.finish(release.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), "done");
    }

    private static void reload(String baseUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/-/reload"))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(baseUrl + " reload: " + response.body())
                .isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(serve.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(serve.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
