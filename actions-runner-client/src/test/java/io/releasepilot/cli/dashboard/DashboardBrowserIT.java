package io.releasepilot.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.ReleasePilotCli;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.ReleaseBench;
import io.releasepilot.core.testing.TestServices;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficSplit;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in Debian's headless Chromium (driven by Selenium through chromium-driver) against {@code serve} on
 * the test Postgres, filled by real canary releases through HAProxy with Prometheus analyses ({@link ReleaseBench}).
 * Screenshots go to target/dashboard-screenshots/.
 */
@Timeout(300)
class DashboardBrowserIT {
    private static final Path SHOTS = Path.of("target", "dashboard-screenshots");
    private static final String EVIL = "<script>alert('x')</script>";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ReleaseBench bench;
    private static PostgresReleaseStore store;
    private static Map<String, String> env;
    private static Path spec;
    private static Release finished;
    private static Release evil;
    private static Thread running;
    private static Thread serveThread;
    private static URI serve;

    private ChromeDriver browser;

    @BeforeAll
    static void fillTheLedgerAndServe() throws Exception {
        Files.createDirectories(SHOTS);
        bench = ReleaseBench.start();
        bench.awaitScraped();
        StateStoreConfig ledger = LedgerDatabases.freshSchema();
        store = PostgresReleaseStore.open(ledger);
        env = new HashMap<>(Map.of(
                "RP_DATABASE_URL",
                TestServices.get("RP_PG_URL"),
                "RP_DATABASE_USER",
                TestServices.get("RP_PG_USER"),
                "RP_DATABASE_SCHEMA",
                ledger.schema(),
                "GITHUB_ACTOR",
                "ci-bot",
                "RP_WEBHOOK_TOKEN",
                "hook-" + UUID.randomUUID(),
                "RP_DASHBOARD_USERS",
                "olga:olga-pw,rita:rita-pw",
                "RP_DASHBOARD_TOKENS",
                "tina:tina-token"));
        String password = TestServices.get("RP_PG_PASSWORD");
        if (!password.isEmpty()) {
            env.put("RP_DATABASE_PASSWORD", password);
        }
        spec = bench.dir().resolve("dashboard.yml");
        Files.writeString(
                spec,
                bench.spec("staging", "canary", 1)
                        .replace("  - name: staging\n", "  - name: staging\n  - name: production\n"));
        // A real canary to 100 %: traffic changes, analyses with values and thresholds, SUCCEEDED.
        assertThat(cli(
                        "canary",
                        "--spec",
                        spec.toString(),
                        "--environment",
                        "staging",
                        "--release-version",
                        bench.v2().version()))
                .isZero();
        finished = store.lastSuccessful(bench.service(), "staging").orElseThrow();
        // A ledger string that would run as script if it were not escaped.
        evil = store.start(
                ReleaseRequest.of(bench.service(), "production", EVIL, ReleaseStrategy.CANARY, Actor.of("mallory")),
                StartOptions.failFast());
        store.finish(evil.id(), ReleaseState.SUCCEEDED, Actor.of("mallory"), "fixture");
        // A second canary that stays at 10 % for ten minutes: the release in progress the operators act on.
        TrafficRouterRegistry.create(bench.haproxy().settings("blue", "green")).apply(TrafficSplit.ALL_STABLE);
        Files.writeString(
                bench.dir().resolve("slow.yml"), Files.readString(spec).replace("duration: 1s", "duration: 600s"));
        running = new Thread(
                () -> cli(
                        "canary",
                        "--spec",
                        bench.dir().resolve("slow.yml").toString(),
                        "--environment",
                        "staging",
                        "--release-version",
                        bench.v2().version()),
                "slow-canary");
        running.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && store.inProgress(bench.service(), "staging")
                        .map(Release::weights)
                        .isEmpty()) {
            Thread.sleep(100);
        }
        assertThat(store.inProgress(bench.service(), "staging")).isPresent();

        StringWriter out = new StringWriter();
        serveThread = new Thread(
                () -> ReleasePilotCli.run(
                        RunnerEnvironment.of(env),
                        new PrintWriter(out, true),
                        new PrintWriter(out, true),
                        "serve",
                        "--spec",
                        spec.toString(),
                        "--listen",
                        "127.0.0.1:0",
                        "--operator",
                        "olga"),
                "serve-under-test");
        serveThread.start();
        Pattern dashboard = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (serve == null && System.nanoTime() < deadline && serveThread.isAlive()) {
            Matcher m = dashboard.matcher(out.toString());
            if (m.find()) {
                serve = URI.create(m.group(1));
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(serve).as("serve did not start: " + out).isNotNull();
    }

    @AfterAll
    static void stop() throws Exception {
        Optional<Release> left = store == null ? Optional.empty() : store.inProgress(bench.service(), "staging");
        if (left.isPresent()) {
            store.abort(left.get().id(), Actor.of("test"), "test over");
        }
        if (running != null) {
            running.join(60_000);
        }
        if (serveThread != null) {
            serveThread.interrupt();
            serveThread.join(10_000);
        }
        if (store != null) {
            store.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldRenderEveryPageWithTheReleaseDataAndNoConsoleErrors() throws Exception {
        browser = chromium("olga", "olga-pw");
        Release current = store.inProgress(bench.service(), "staging").orElseThrow();

        browser.get(serve.toString());
        assertThat(text(By.cssSelector("tr[data-environment=staging]")))
                .contains(
                        finished.version(), current.version(), "IN_PROGRESS", "90/10", "release-pilot (self-asserted)");
        assertThat(text(By.cssSelector("tr[data-environment=production]"))).contains(EVIL);
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(");
        shoot("overview");

        browser.get(serve.resolve("releases/" + finished.id()).toString());
        assertThat(text(By.id("state"))).isEqualTo("SUCCEEDED");
        assertThat(text(By.id("traffic"))).contains("90/10", "50/50", "0/100");
        assertThat(text(By.id("analyses"))).contains("errorRate", "< 1%", "PASS");
        assertThat(text(By.id("audit"))).contains("START", "FINISH");
        assertThat(browser.findElements(By.cssSelector("svg.chart polyline.desired")))
                .hasSize(1);
        shoot("release");

        browser.get(serve.resolve("history?environment=staging").toString());
        assertThat(text(By.id("dora"))).contains("Deployment frequency", "Change failure rate");
        assertThat(text(By.id("history"))).contains(finished.version(), "SUCCEEDED");
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        shoot("history");

        browser.get(serve.resolve("search?q=mallory").toString());
        assertThat(text(By.id("search"))).contains(EVIL, "production", "mallory");
        browser.get(serve.resolve("search?q=" + bench.v2().version()).toString());
        assertThat(text(By.id("search"))).contains("staging", "SUCCEEDED");
        shoot("search");

        assertThat(severe(browser)).isEmpty();
    }

    @Test
    void shouldUpdateTheOpenPageWhenAStepIsRecorded() throws Exception {
        browser = chromium("tina", null);
        Release current = store.inProgress(bench.service(), "staging").orElseThrow();
        browser.get(serve.resolve("releases/" + current.id()).toString());
        await(d -> d.findElement(By.id("live-status")).getText().equals("live"));
        String marker = "live-marker-" + UUID.randomUUID();

        store.recordStep(current.id(), new NewStep(current.currentStep(), new StepDetail.Notice(marker)));

        await(d -> d.findElement(By.id("main")).getText().contains(marker));
        shoot("live-update");
        assertThat(severe(browser)).isEmpty();
    }

    @Test
    void shouldPauseAndResumeTheReleaseInProgressAsTheOperatorWithTheAuditNamingThem() throws Exception {
        browser = chromium("olga", "olga-pw");
        Release current = store.inProgress(bench.service(), "staging").orElseThrow();
        browser.get(serve.toString());

        click(By.cssSelector("tr[data-environment=staging] button[data-action=pause]"));

        await(d -> d.findElement(By.id("state")).getText().equals("PAUSED"));
        assertThat(store.find(current.id()).orElseThrow().state()).isEqualTo(ReleaseState.PAUSED);
        assertThat(store.auditTrail(current.id())).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo(AuditAction.PAUSE);
            assertThat(a.actor().name()).isEqualTo("olga");
        });
        shoot("paused");
        click(By.cssSelector("button[data-action=resume]"));
        await(d -> d.findElement(By.id("state")).getText().equals("IN_PROGRESS"));
        assertThat(store.find(current.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        assertThat(severe(browser)).isEmpty();
    }

    @Test
    void shouldShowAReadOnlyUserNoActionsAndRefuseTheirPost() throws Exception {
        browser = chromium("rita", "rita-pw");
        Release current = store.inProgress(bench.service(), "staging").orElseThrow();
        browser.get(serve.toString());
        assertThat(text(By.id("viewer"))).contains("rita", "read-only");
        assertThat(browser.findElements(By.cssSelector("form.action"))).isEmpty();
        browser.get(serve.resolve("releases/" + current.id()).toString());
        assertThat(browser.findElements(By.tagName("button"))).hasSize(1); // the search button only
        shoot("read-only");

        HttpResponse<String> post =
                post(basic("rita", "rita-pw"), "release=" + current.id() + "&operation=abort&csrf=x");

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(store.find(current.id()).orElseThrow().state().active()).isTrue();
    }

    @Test
    void shouldRefuseAnActionWithoutTheCsrfTokenAndVisitorsWithoutCredentials() throws Exception {
        Release current = store.inProgress(bench.service(), "staging").orElseThrow();
        int audits = store.auditTrail(current.id()).size();

        assertThat(post(basic("olga", "olga-pw"), "release=" + current.id() + "&operation=abort")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(basic("olga", "olga-pw"), "release=" + current.id() + "&operation=abort&csrf=forged")
                        .statusCode())
                .isEqualTo(403);
        assertThat(store.auditTrail(current.id())).hasSize(audits);

        HttpResponse<String> anonymous = get("", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("api/overview", null).statusCode()).isEqualTo(401);
        // The proxy header counts only from a configured proxy address, and none is configured here.
        HttpResponse<String> spoofed = HTTP.send(
                HttpRequest.newBuilder(serve).header("X-Forwarded-User", "olga").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spoofed.statusCode()).isEqualTo(401);
        assertThat(get("", basic("olga", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerWithSecurityHeadersTheJsonApiAndWithinThePageWeightBudget() throws Exception {
        String auth = "Bearer tina-token";
        HttpResponse<String> overview = get("", auth);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(overview.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(overview.body()).doesNotContain("<script>alert");

        HttpResponse<String> api = get("api/overview", auth);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(api.body())
                .contains("\"environment\":\"staging\"", finished.id().toString(), EVIL);
        assertThat(get("api/releases/" + finished.id(), auth).body()).contains("\"analyses\"", "errorRate");
        assertThat(get("api/history?environment=staging", auth).body()).contains("DEPLOYMENT_FREQUENCY");
        assertThat(get("api/search?q=mallory", auth).body()).contains(evil.id().toString());

        long assets = get("assets/dashboard.css", auth).body().length()
                + get("assets/dashboard.js", auth).body().length();
        for (String page : List.of("", "releases/" + finished.id(), "history?environment=staging", "search?q=ci-bot")) {
            long weight = get(page, auth).body().getBytes(StandardCharsets.UTF_8).length + assets;
            assertThat(weight).as("weight of /" + page).isLessThanOrEqualTo(DashboardPages.PAGE_BUDGET_BYTES);
        }
    }

    private static ChromeDriver chromium(String user, String password) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Network.enable", Map.of());
        String authorization = password == null ? "Bearer tina-token" : basic(user, password);
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", authorization)));
        return driver;
    }

    /**
     * The text of an element, read again when a live update replaced it meanwhile (the running canary records an
     * analysis every second, and the page swaps its main part each time).
     */
    private String text(By by) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void click(By by) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.findElement(by).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Polls the page until {@code condition} holds (30 s at most: a post, its redirect and a render on a loaded machine). */
    private void await(java.util.function.Predicate<ChromeDriver> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.test(browser)) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                last = e; // the element is being replaced by a live update; look again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed what was expected: " + browser.getPageSource(), last);
    }

    private static List<LogEntry> severe(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    private void shoot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(serve.resolve(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String authorization, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(serve.resolve("actions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        int exit = ReleasePilotCli.run(
                RunnerEnvironment.of(env), new PrintWriter(out, true), new PrintWriter(out, true), args);
        if (exit != 0) {
            System.err.println(out);
        }
        return exit;
    }
}
