package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `release-pilot dora` on a real Postgres ledger filled with known releases. */
class DoraLedgerIT {
    private static final String SCHEMA = LedgerDatabases.uniqueSchema();
    private static final Instant BASE =
            Instant.now().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @BeforeAll
    static void fillTheLedger() {
        AtomicReference<Instant> now = new AtomicReference<>(BASE);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (PostgresReleaseStore store =
                PostgresReleaseStore.open(LedgerDatabases.freshSchema().withSchema(SCHEMA), clock)) {
            // checkout: good (lead 1 h), bad (rolled back), restore 30 min later, good; payments: two good ones.
            release(store, now, "checkout", "1.0.0", Duration.ofDays(0), Duration.ofHours(1), ReleaseState.SUCCEEDED);
            release(store, now, "checkout", "1.1.0", Duration.ofDays(2), Duration.ofHours(3), ReleaseState.ROLLED_BACK);
            release(
                    store,
                    now,
                    "checkout",
                    "1.1.1",
                    Duration.ofDays(2).plusMinutes(30),
                    Duration.ofHours(1),
                    ReleaseState.SUCCEEDED);
            release(store, now, "checkout", "1.2.0", Duration.ofDays(5), Duration.ofHours(1), ReleaseState.SUCCEEDED);
            release(
                    store,
                    now,
                    "payments",
                    "3.0.0",
                    Duration.ofDays(1),
                    Duration.ofMinutes(30),
                    ReleaseState.SUCCEEDED);
            release(
                    store,
                    now,
                    "payments",
                    "3.1.0",
                    Duration.ofDays(6),
                    Duration.ofMinutes(30),
                    ReleaseState.SUCCEEDED);
        }
    }

    private static void release(
            PostgresReleaseStore store,
            AtomicReference<Instant> now,
            String service,
            String version,
            Duration at,
            Duration leadTime,
            ReleaseState outcome) {
        Instant finished = BASE.plus(at).plus(Duration.ofMinutes(5));
        now.set(BASE.plus(at));
        Release release = store.start(
                new ReleaseRequest(
                        service,
                        "production",
                        version,
                        "abc",
                        finished.minus(leadTime),
                        ReleaseStrategy.CANARY,
                        Actor.of("ci"),
                        null,
                        null,
                        null),
                StartOptions.failFast());
        now.set(finished);
        store.finish(release.id(), outcome, Actor.of("ci"), outcome.name());
    }

    @Test
    void shouldComputeTheFiguresOfAServiceWithAFailure() throws Exception {
        JsonNode report = dora("--service", "checkout", "--since", "30d");

        assertThat(report.get("deployments").asInt()).isEqualTo(4);
        assertThat(figure(report, "CHANGE_FAILURE_RATE").get("value").asDouble())
                .isEqualTo(25.0);
        assertThat(figure(report, "TIME_TO_RESTORE").get("value").asDouble()).isEqualTo(30.0);
        assertThat(figure(report, "LEAD_TIME").get("value").asDouble()).isEqualTo(1.0);
        assertThat(figure(report, "DEPLOYMENT_FREQUENCY").get("value").asDouble())
                .isGreaterThan(0);
    }

    @Test
    void shouldShowNoFailuresAndNoRestoreForAHealthyService() throws Exception {
        JsonNode report = dora("--service", "payments", "--since", "30d");

        assertThat(report.get("deployments").asInt()).isEqualTo(2);
        assertThat(figure(report, "CHANGE_FAILURE_RATE").get("value").asDouble())
                .isZero();
        assertThat(figure(report, "TIME_TO_RESTORE").get("value").isNull()).isTrue();
    }

    @Test
    void shouldSayNoDataForAnEmptyWindow() throws Exception {
        JsonNode report = dora("--service", "checkout", "--since", "1h");

        assertThat(report.get("deployments").asInt()).isZero();
        assertThat(figure(report, "LEAD_TIME").get("value").isNull()).isTrue();
        assertThat(figure(report, "CHANGE_FAILURE_RATE").get("value").isNull()).isTrue();
    }

    private static JsonNode dora(String... args) throws Exception {
        Map<String, String> env = Map.of(
                "RP_DATABASE_URL", TestServices.get("RP_PG_URL"),
                "RP_DATABASE_USER", TestServices.get("RP_PG_USER"),
                "RP_DATABASE_SCHEMA", SCHEMA);
        String[] full = new String[args.length + 3];
        full[0] = "dora";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--format";
        full[args.length + 2] = "json";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleasePilotCli.run(RunnerEnvironment.of(env), new PrintWriter(out), new PrintWriter(err), full);
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static JsonNode figure(JsonNode report, String metric) {
        for (JsonNode figure : report.get("figures")) {
            if (figure.get("metric").asText().equals(metric)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + metric + " in " + report);
    }
}
