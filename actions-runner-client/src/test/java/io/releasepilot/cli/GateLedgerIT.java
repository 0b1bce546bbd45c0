package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gate --environment` records into a real Postgres ledger, and a bypass is audited there. */
class GateLedgerIT {

    @Test
    void shouldRecordTheVerdictAndAuditAnAuthorisedBypass(@TempDir Path dir) throws Exception {
        String schema = LedgerDatabases.uniqueSchema();
        Map<String, String> env = Map.of(
                "RP_DATABASE_URL", TestServices.get("RP_PG_URL"),
                "RP_DATABASE_USER", TestServices.get("RP_PG_USER"),
                "RP_DATABASE_SCHEMA", schema);
        Path spec = Files.writeString(dir.resolve("release-pilot.yml"), """
                service: checkout
                gates:
                  bypass: { authority: [alice] }
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
        Path junit = Files.writeString(
                dir.resolve("TEST-x.xml"),
                "<testsuite><testcase name=\"a\"/><testcase name=\"b\"><failure/></testcase></testsuite>");
        Release release;
        try (PostgresReleaseStore store =
                PostgresReleaseStore.open(LedgerDatabases.freshSchema().withSchema(schema))) {
            release = store.start(
                    ReleaseRequest.of("checkout", "staging", "2.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                    StartOptions.failFast());
        }

        int failed =
                run(env, "gate", "--spec", spec.toString(), "--junit", junit.toString(), "--environment", "staging");
        int refused = run(
                actions(env, "mallory"),
                "gate",
                "--spec",
                spec.toString(),
                "--junit",
                junit.toString(),
                "--environment",
                "staging",
                "--bypass",
                "--reason",
                "ship it");
        int granted = run(
                actions(env, "alice"),
                "gate",
                "--spec",
                spec.toString(),
                "--junit",
                junit.toString(),
                "--environment",
                "staging",
                "--bypass",
                "--reason",
                "known flaky test, fix tracked");

        assertThat(failed).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        assertThat(granted).isZero();
        try (PostgresReleaseStore store =
                PostgresReleaseStore.open(LedgerDatabases.freshSchema().withSchema(schema))) {
            assertThat(store.steps(release.id()))
                    .filteredOn(step -> step.step().kind() == StepKind.GATE)
                    .hasSize(3)
                    .allSatisfy(
                            step -> assertThat(((StepDetail.Gate) step.step().detail()).verdict())
                                    .isEqualTo(Verdict.FAIL));
            assertThat(store.auditTrail(release.id()))
                    .filteredOn(entry -> entry.action() == AuditAction.BYPASS)
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.reason()).contains("known flaky test"));
        }
    }

    private static int run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return ReleasePilotCli.run(RunnerEnvironment.of(env), new PrintWriter(out), new PrintWriter(err), args);
    }

    /** The environment of a GitHub Actions step run by {@code actor}: the identity a bypass is checked against. */
    private static Map<String, String> actions(Map<String, String> env, String actor) {
        Map<String, String> step = new java.util.HashMap<>(env);
        step.put("GITHUB_ACTIONS", "true");
        step.put("GITHUB_ACTOR", actor);
        return step;
    }
}
