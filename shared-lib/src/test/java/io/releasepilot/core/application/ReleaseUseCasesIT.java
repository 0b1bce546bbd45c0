package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.NewStep;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseState;
import io.releasepilot.core.state.RollbackCause;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.state.StepKind;
import io.releasepilot.core.testing.FreshLedger;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import io.releasepilot.core.traffic.TrafficSplit;
import io.releasepilot.core.traffic.embedded.EmbeddedProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The use cases on a real Postgres ledger (own schema) and the in-process weighted proxy as the router: gate record
 * and bypass at the ports' clock, operator actions, manual rollback both ways, status, a host run's own release and
 * its stop, and host notes. The releases are started in the ledger directly; {@code ReleaseEngineIT} and the CLI and
 * Jenkins ITs run them through the engine.
 */
class ReleaseUseCasesIT {
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    @RegisterExtension
    static final FreshLedger LEDGER = new FreshLedger();

    @TempDir
    Path dir;

    private String service;
    private EmbeddedProxy proxy;
    private TrafficRouter router;

    @BeforeEach
    void startProxy(TestInfo info) {
        service = "svc-" + Integer.toHexString(info.getDisplayName().hashCode());
        proxy = EmbeddedProxy.start(URI.create("http://127.0.0.1:1/"), URI.create("http://127.0.0.1:2/"), 0);
        router = TrafficRouterRegistry.create(
                new TrafficRouterSettings.Embedded(proxy.adminUri(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private String yaml(String extra) {
        return "service: " + service + "\nenvironments:\n  - name: staging\n" + extra;
    }

    private ReleaseSpec spec(String extra) {
        return ReleaseSessionTest.spec(yaml(extra));
    }

    /** The spec as a host reads it: with the hash of its bytes, which the releases of the session record. */
    private SpecFile specFile(String extra) {
        return SpecReader.readFile("release-pilot.yml", yaml(extra).getBytes(StandardCharsets.UTF_8))
                .value();
    }

    private ReleasePorts ports() {
        return ReleasePorts.standard(Ledger.shared(LEDGER.store()), Map.of())
                .withRouters(spec -> router)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC), Sleeper.SYSTEM);
    }

    private ReleaseSession session(String extra) {
        return ReleaseSession.open(specFile(extra), "staging", ports());
    }

    private Release start(String version, Actor actor, ReleaseStrategy strategy, UUID previous) {
        return LEDGER.store()
                .start(
                        new ReleaseRequest(
                                service, "staging", version, null, null, strategy, actor, null, previous, null),
                        StartOptions.failFast());
    }

    @Test
    void shouldRecordTheGateAndAuditAGrantedBypassAtThePortsClock() throws IOException {
        Release running = start("2.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);
        Path report = Files.writeString(
                dir.resolve("TEST-a.xml"), "<testsuite><testcase name=\"b\"><failure/></testcase></testsuite>");
        GateCheck gate = GateCheck.of(
                spec("gates:\n  bypass: { authority: [alice] }\n  objectives:\n"
                        + "    - { name: tests, source: junit, metric: failed, comparator: \"<=\", pass: 0 }\n"),
                "staging",
                ports());
        Map<String, List<Path>> reports = Map.of(JunitGateSource.TYPE, List.of(report));

        GateCheck.Result refused = gate.run(
                new GateCheck.Inputs(reports, "", Optional.of(new GateCheck.Bypass(Actor.of("mallory"), "ship it"))));
        GateCheck.Result granted = gate.run(new GateCheck.Inputs(
                reports,
                "",
                Optional.of(new GateCheck.Bypass(new Actor("alice", "https://ci/run/7"), "known flaky test"))));

        assertThat(refused.verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(refused.bypassed()).isFalse();
        assertThat(refused.bypass().orElseThrow().explanation()).contains("'mallory' is not in gates.bypass.authority");
        assertThat(granted.bypassed()).isTrue();
        assertThat(granted.bypass().orElseThrow().at()).isEqualTo(NOW);
        assertThat(LEDGER.store().steps(running.id()))
                .filteredOn(s -> s.step().kind() == StepKind.GATE)
                .hasSize(2);
        assertThat(LEDGER.store().auditTrail(running.id()))
                .filteredOn(e -> e.action() == AuditAction.BYPASS)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(new Actor("alice", "https://ci/run/7"));
                    assertThat(e.reason()).contains("known flaky test");
                });
    }

    @Test
    void shouldAuditOperatorRequestsOnTheReleaseInProgressOnly() {
        try (ReleaseSession session = session("")) {
            OperatorAction operator = new OperatorAction(session);
            assertThatThrownBy(() -> operator.perform(OperatorAction.Operation.PAUSE, Actor.of("bob"), "look"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("no release of '" + service + "' is in progress in 'staging'");
            Release running = start("2.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);

            OperatorAction.Acted promoted =
                    operator.perform(OperatorAction.Operation.PROMOTE, Actor.of("bob"), "dashboards clean");

            assertThat(promoted.entry().releaseId()).isEqualTo(running.id());
            assertThat(promoted.entry().action()).isEqualTo(AuditAction.PROMOTE);
            assertThat(promoted.entry().reason()).isEqualTo("dashboards clean");
            assertThat(promoted.release().id()).isEqualTo(running.id());
            assertThat(promoted.release().state().active()).isTrue();
            LEDGER.store().finish(running.id(), ReleaseState.ABORTED, Actor.of("ci"), "test over");
        }
    }

    @Test
    void shouldRollTheReleaseInProgressBackThenReturnToTheReleaseBeforeTheLastSuccessfulOne() {
        router.apply(TrafficSplit.canary(30));
        try (ReleaseSession session = session("")) {
            ManualRollback rollback = new ManualRollback(session);
            assertThatThrownBy(() -> rollback.perform(Actor.of("bob"), "customer reports"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("nothing to roll back");
            Release running = start("2.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);

            ManualRollback.RolledBack first = rollback.perform(Actor.of("bob"), "customer reports");

            assertThat(first.from().id()).isEqualTo(running.id());
            assertThat(first.outcome().state()).isEqualTo(ReleaseState.ROLLED_BACK);
            assertThat(first.outcome().reason()).isEqualTo("customer reports");
            assertThat(router.current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
            assertThat(LEDGER.store().auditTrail(running.id()))
                    .extracting(e -> e.action())
                    .contains(AuditAction.ROLLBACK);

            Release v1 = start("1.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);
            LEDGER.store().finish(v1.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), null);
            Release v2 = start("2.0.1", Actor.of("ci"), ReleaseStrategy.CANARY, v1.id());
            LEDGER.store().finish(v2.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), null);
            router.apply(TrafficSplit.ALL_CANARY);

            ManualRollback.RolledBack second = rollback.perform(Actor.of("bob"), "bad data");

            assertThat(second.from().id()).isEqualTo(v2.id());
            assertThat(second.outcome().version()).isEqualTo("1.0.0");
            assertThat(second.outcome().state()).isEqualTo(ReleaseState.ROLLED_BACK);
            assertThat(second.outcome().reason()).isEqualTo("bad data (from 2.0.1 back to 1.0.0)");
            assertThat(router.current().split()).isEqualTo(TrafficSplit.ALL_STABLE);
            // The ROLLBACK release records the spec the operator ran with, and both rollbacks their operator cause.
            assertThat(LEDGER.store()
                            .find(second.outcome().releaseId())
                            .orElseThrow()
                            .request()
                            .specHash())
                    .isEqualTo(specFile("").hash());
            assertThat(LEDGER.store().steps(running.id()))
                    .extracting(s -> s.step().detail())
                    .filteredOn(StepDetail.RollbackStarted.class::isInstance)
                    .extracting(d -> ((StepDetail.RollbackStarted) d).cause())
                    .containsExactly(RollbackCause.Operator.ofReleaseInProgress());
            assertThat(LEDGER.store().steps(second.outcome().releaseId()))
                    .extracting(s -> s.step().detail())
                    .filteredOn(StepDetail.RollbackStarted.class::isInstance)
                    .extracting(d -> ((StepDetail.RollbackStarted) d).cause())
                    .containsExactly(new RollbackCause.Operator("2.0.1", "1.0.0"));
        }
    }

    @Test
    void shouldShowTheReleaseInProgressElseTheLatestWithTheRoutersOwnReading() {
        try (ReleaseSession session = session("")) {
            ReleaseStatus status = new ReleaseStatus(session);
            assertThatThrownBy(status::read)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("no release of '" + service + "' is recorded in 'staging'");
            Release running = start("2.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);
            router.apply(TrafficSplit.canary(25));

            ReleaseStatus.Snapshot live = status.read();
            LEDGER.store().finish(running.id(), ReleaseState.SUCCEEDED, Actor.of("ci"), null);
            ReleaseStatus.Snapshot ended = status.read();

            assertThat(live.release().id()).isEqualTo(running.id());
            assertThat(live.router().describe()).isEqualTo("embedded stable 75 / canary 25");
            assertThat(ended.release().id()).isEqualTo(running.id());
            assertThat(ended.release().state()).isEqualTo(ReleaseState.SUCCEEDED);
        }
        proxy.close();
        try (ReleaseSession session = session("")) {
            assertThat(new ReleaseStatus(session).read().router().describe()).startsWith("unreadable: ");
        }
    }

    @Test
    void shouldFindAHostRunsOwnReleaseByItsTieOrItsUrlAndStopItAsTheSpecSays() {
        HostRun run = new HostRun("jenkins-step", "step-1", "https://ci/job/1/", "job#1");
        List<String> log = new ArrayList<>();
        try (ReleaseSession session = session("rollback:\n  onAbort: leave\n")) {
            Rollout rollout = new Rollout(session);
            assertThat(rollout.stopFor(run, ReleaseStrategy.CANARY, "2.0.0", Actor.of("alice"), "aborted", log::add)
                            .stop())
                    .isEqualTo(Rollout.Stop.NOT_STARTED);
            // Started by the run's build, the restart came before the tie: found by URL, version and strategy.
            Release untied = start("2.0.0", new Actor("alice", run.url()), ReleaseStrategy.CANARY, null);
            assertThat(rollout.own(run, ReleaseStrategy.CANARY, "2.0.0"))
                    .map(Release::id)
                    .contains(untied.id());
            assertThat(rollout.own(run, ReleaseStrategy.BLUE_GREEN, "2.0.0")).isEmpty();
            // Tied to another run of the same build: not this run's.
            LEDGER.store()
                    .recordStep(
                            untied.id(),
                            new NewStep(
                                    0,
                                    new StepDetail.HostNote("jenkins-step", "job#1", run.url(), "step-0", null, null)));
            assertThat(rollout.own(run, ReleaseStrategy.CANARY, "2.0.0")).isEmpty();
            LEDGER.store().finish(untied.id(), ReleaseState.ABORTED, Actor.of("ci"), "test over");

            Release tied = start("2.0.0", Actor.of("someone"), ReleaseStrategy.CANARY, null);
            LEDGER.store().recordStep(tied.id(), new NewStep(0, run.tie()));
            assertThat(rollout.own(run, ReleaseStrategy.CANARY, "2.0.0"))
                    .map(Release::id)
                    .contains(tied.id());

            Rollout.Stopped left =
                    rollout.stopFor(run, ReleaseStrategy.CANARY, "2.0.0", Actor.of("alice"), "aborted", log::add);

            assertThat(left.stop()).isEqualTo(Rollout.Stop.LEFT);
            assertThat(left.outcome().orElseThrow().state()).isEqualTo(ReleaseState.PAUSED);
            assertThat(log).singleElement().asString().contains("rollback.onAbort is leave");
            assertThat(LEDGER.store().auditTrail(tied.id()))
                    .anySatisfy(e -> assertThat(e.reason())
                            .isEqualTo("aborted (rollback.onAbort: leave; traffic left as it is)"));
        }
        try (ReleaseSession session = session("")) {
            Rollout.Stopped rolledBack = new Rollout(session)
                    .stopFor(run, ReleaseStrategy.CANARY, "2.0.0", Actor.of("alice"), "aborted", log::add);

            assertThat(rolledBack.stop()).isEqualTo(Rollout.Stop.ROLLED_BACK);
            assertThat(rolledBack.outcome().orElseThrow().state()).isEqualTo(ReleaseState.ROLLED_BACK);
            assertThat(log).last().asString().contains("rollback.onAbort is rollback");

            Rollout.Stopped again = new Rollout(session)
                    .stopFor(run, ReleaseStrategy.CANARY, "2.0.0", Actor.of("alice"), "aborted", log::add);
            assertThat(again.stop()).isEqualTo(Rollout.Stop.ALREADY_ENDED);
        }
    }

    @Test
    void shouldNoteAHostBuildOnlyOnAReleaseStillInProgress() {
        Release running = start("2.0.0", Actor.of("ci"), ReleaseStrategy.CANARY, null);
        ReleaseNote note = new ReleaseNote(Ledger.shared(LEDGER.store()));
        StepDetail.HostNote build =
                new StepDetail.HostNote("jenkins-build", "ops#3", "https://ci/ops/3/", null, "ci", "SUCCESS");

        assertThat(note.addIfActive(running.id().toString(), build)).isTrue();
        assertThat(note.addIfActive("not-an-id", build)).isFalse();
        assertThat(note.addIfActive(null, build)).isFalse();
        LEDGER.store().finish(running.id(), ReleaseState.ABORTED, Actor.of("ci"), "test over");
        assertThat(note.addIfActive(running.id().toString(), build)).isFalse();

        assertThat(LEDGER.store().steps(running.id()))
                .extracting(s -> s.step().detail())
                .filteredOn(StepDetail.HostNote.class::isInstance)
                .containsExactly(build);
    }
}
