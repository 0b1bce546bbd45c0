package io.releasepilot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.events.EventType;
import io.releasepilot.core.events.OutboxEntry;
import io.releasepilot.core.events.OutboxQuery;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.testing.LedgerSteps;
import io.releasepilot.core.traffic.TrafficSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReleaseStore} adapter must do. Each test uses its own service name, so one store may serve the
 * whole class. Public (unlike other tests) because adapters in other packages and modules extend it via the test-jar.
 */
public abstract class ReleaseStoreContractTest {
    private static final Actor ALICE = new Actor("alice", "https://ci.example/runs/1");
    private static final Actor BOB = new Actor("bob", "https://ci.example/runs/2");

    /** The store under test; the same instance for every test of the class is fine. */
    protected abstract ReleaseStore store();

    protected static String uniqueService() {
        return "svc-" + UUID.randomUUID();
    }

    private ReleaseRequest request(String service, String version) {
        return new ReleaseRequest(
                service,
                "prod",
                version,
                "abc123",
                Instant.parse("2026-01-02T03:04:05.123456Z"),
                ReleaseStrategy.CANARY,
                ALICE,
                "spec-hash",
                null,
                null);
    }

    private List<OutboxEntry> events(String service) {
        return store().outbox().read(new OutboxQuery(service, null, null, 0, 10_000));
    }

    @Test
    void shouldKeepOneSlotMapPerEnvironmentWithOneLiveSlot() {
        String service = uniqueService();
        assertThat(store().slots(service, "prod").isEmpty()).isTrue();

        SlotMap started = store().recordSlots(
                        service,
                        "prod",
                        List.of(
                                new Slot.Change("blue", "v1", SlotState.LIVE),
                                new Slot.Change("green", null, SlotState.IDLE)));
        store().recordSlots(service, "prod", List.of(new Slot.Change("green", "v2", SlotState.DEPLOYING)));
        SlotMap swapped = store().recordSlots(
                        service,
                        "prod",
                        List.of(
                                new Slot.Change("green", "v2", SlotState.LIVE),
                                new Slot.Change("blue", null, SlotState.IDLE)));

        assertThat(started.live().map(Slot::name)).contains("blue");
        assertThat(swapped.live().map(Slot::name)).contains("green");
        assertThat(swapped.slot("blue").map(Slot::version)).contains("v1");
        assertThat(swapped.slot("blue").map(Slot::state)).contains(SlotState.IDLE);
        assertThat(swapped.idleHolding("v1").map(Slot::name)).contains("blue");
        assertThat(store().slots(service, "prod")).isEqualTo(swapped);
        assertThat(store().slots(service, "staging").isEmpty()).isTrue();
        // A second live slot without demoting the first is refused; the map is unchanged.
        assertThatThrownBy(() ->
                        store().recordSlots(service, "prod", List.of(new Slot.Change("blue", "v1", SlotState.LIVE))))
                .isInstanceOf(io.releasepilot.core.InvalidInputException.class)
                .hasMessageContaining("still live");
        assertThat(store().slots(service, "prod")).isEqualTo(swapped);
    }

    @Test
    void shouldRoundTripAReleaseWithEveryField() {
        String service = uniqueService();
        Release started = store().start(request(service, "1.2.3"), StartOptions.failFast());

        Release found = store().find(started.id()).orElseThrow();

        assertThat(found).isEqualTo(started);
        assertThat(found.request()).isEqualTo(request(service, "1.2.3"));
        assertThat(found.state()).isEqualTo(ReleaseState.IN_PROGRESS);
        assertThat(found.lockHolder().actor()).isEqualTo(ALICE);
        assertThat(store().inProgress(service, "prod")).contains(found);
        assertThat(store().auditTrail(started.id()))
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.START);
        assertThat(events(service)).extracting(OutboxEntry::type).containsExactly(EventType.RELEASE_STARTED);
    }

    @Test
    void shouldLetExactlyOneOfTwentyThreadsStartTheSameEnvironment() throws Exception {
        String service = uniqueService();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Release>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String version = "1.0." + i;
            attempts.add(pool.submit(() -> {
                go.await();
                return store().start(request(service, version), StartOptions.failFast());
            }));
        }
        go.countDown();
        List<Release> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<Release> attempt : attempts) {
            try {
                winners.add(attempt.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                losers.add(e.getCause());
            }
        }
        pool.shutdown();

        assertThat(winners).hasSize(1);
        Release winner = winners.get(0);
        assertThat(losers)
                .hasSize(19)
                .allSatisfy(error -> assertThat(error)
                        .isInstanceOf(EnvironmentLockedException.class)
                        .hasMessageContaining(winner.id().toString())
                        .hasMessageContaining("alice")
                        .hasMessageContaining("https://ci.example/runs/1")
                        .hasMessageContaining(winner.startedAt().toString()));
        // No partial rows: one release, one START audit, one event.
        assertThat(store().releasesSince(service, "prod", Instant.EPOCH)).hasSize(1);
        assertThat(store().auditTrail(winner.id())).hasSize(1);
        assertThat(events(service)).hasSize(1);
    }

    @Test
    void shouldWaitForTheHolderWhenAskedTo() throws Exception {
        String service = uniqueService();
        Release first = store().start(request(service, "1.0.0"), StartOptions.failFast());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Release> waiting = pool.submit(
                () -> store().start(request(service, "1.0.1"), StartOptions.waitUpTo(Duration.ofSeconds(30))));
        Thread.sleep(500);
        assertThat(waiting).isNotDone();

        store().finish(first.id(), ReleaseState.SUCCEEDED, ALICE, "done");

        Release second = waiting.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(second.version()).isEqualTo("1.0.1");
        assertThat(store().inProgress(service, "prod")).map(Release::id).contains(second.id());
    }

    @Test
    void shouldGiveUpWaitingWithTheHoldersName() {
        String service = uniqueService();
        Release first = store().start(request(service, "1.0.0"), StartOptions.failFast());

        assertThatThrownBy(
                        () -> store().start(request(service, "1.0.1"), StartOptions.waitUpTo(Duration.ofMillis(600))))
                .isInstanceOf(EnvironmentLockedException.class)
                .hasMessageContaining(first.id().toString())
                .satisfies(e -> assertThat(
                                ((EnvironmentLockedException) e).holder().releaseId())
                        .isEqualTo(first.id()));
    }

    @Test
    void shouldTakeOverACrashedHoldersLockOnlyExplicitlyAndAuditIt() {
        String service = uniqueService();
        Release crashed = store().start(request(service, "1.0.0"), StartOptions.failFast());
        store().recordStep(crashed.id(), LedgerSteps.traffic(1, TrafficSplit.canary(25)));

        Release continued = store().takeOver(service, "prod", BOB, "runner 1 died");

        assertThat(continued.id()).isEqualTo(crashed.id());
        assertThat(continued.lockHolder().actor()).isEqualTo(BOB);
        assertThat(continued.weights()).isEqualTo(TrafficSplit.canary(25));
        assertThat(continued.currentStep()).isEqualTo(1);
        assertThat(store().auditTrail(crashed.id()))
                .filteredOn(entry -> entry.action() == AuditAction.TAKEOVER)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(BOB);
                    assertThat(entry.reason()).isEqualTo("runner 1 died");
                });
        assertThatThrownBy(() -> store().start(request(service, "2.0.0"), StartOptions.failFast()))
                .isInstanceOf(EnvironmentLockedException.class)
                .hasMessageContaining("bob");

        Release replacement = store().start(request(service, "2.0.0"), StartOptions.takeover("abandon 1.0.0"));

        assertThat(replacement.version()).isEqualTo("2.0.0");
        Release old = store().find(crashed.id()).orElseThrow();
        assertThat(old.state()).isEqualTo(ReleaseState.ABORTED);
        assertThat(old.finishReason()).contains("abandon 1.0.0");
        assertThat(events(service))
                .extracting(OutboxEntry::type)
                .contains(EventType.LOCK_TAKEN_OVER, EventType.RELEASE_ABORTED);
    }

    @Test
    void shouldKeepStepsWeightsAndProgressForResuming() {
        String service = uniqueService();
        Release release = store().start(request(service, "1.0.0"), StartOptions.failFast());
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("p95", 0.31);
        values.put("nothing", Double.NaN);
        StepDetail.Gate gate = new StepDetail.Gate(
                Verdict.PASS,
                87.5,
                "1 of 2 objectives passed",
                values,
                List.of(new GateObjective("p95", "prometheus", "p95", "query p95", 0.31, "<", 0.5, Verdict.PASS)));

        store().recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.canary(5)));
        store().recordStep(release.id(), new NewStep(1, gate));
        store().recordStep(
                        release.id(),
                        new NewStep(
                                1,
                                new StepDetail.Analysis(
                                        Instant.parse("2026-01-02T03:04:05Z"),
                                        "1.0.0",
                                        Map.of(),
                                        Map.of(),
                                        Verdict.INCONCLUSIVE,
                                        null)));
        store().recordStep(release.id(), LedgerSteps.traffic(2, TrafficSplit.canary(25)));

        Release resumed = store().find(release.id()).orElseThrow();
        assertThat(resumed.currentStep()).isEqualTo(2);
        assertThat(resumed.weights()).isEqualTo(new TrafficSplit(75, 25));
        List<ReleaseStep> steps = store().steps(release.id());
        assertThat(steps)
                .extracting(step -> step.step().kind())
                .containsExactly(StepKind.TRAFFIC, StepKind.GATE, StepKind.ANALYSIS, StepKind.TRAFFIC);
        assertThat(steps.get(1).step().detail()).isEqualTo(gate);
        assertThat(steps.get(1).step().verdict()).isEqualTo(Verdict.PASS);
        assertThat(events(service))
                .filteredOn(e -> e.type() == EventType.STEP_RECORDED)
                .hasSize(4);

        Release progressed = store().updateProgress(release.id(), 3, TrafficSplit.canary(75));
        assertThat(store().find(release.id())).contains(progressed);
    }

    @Test
    void shouldWriteAndAnnounceEachProgressChangeOnce() {
        String service = uniqueService();
        Release release = store().start(request(service, "1.0.0"), StartOptions.failFast());

        store().recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.canary(5)));
        Release unchanged = store().updateProgress(release.id(), 1, TrafficSplit.canary(5));
        Release phase = store().updateProgress(release.id(), 2, TrafficSplit.canary(5));

        assertThat(unchanged.currentStep()).isEqualTo(1);
        assertThat(phase.currentStep()).isEqualTo(2);
        assertThat(store().find(release.id())).contains(phase);
        // The traffic step is the progress change and its one event; the repeated progress is neither written nor
        // announced again; the progress moved without traffic is announced once.
        assertThat(events(service))
                .extracting(OutboxEntry::type)
                .containsExactly(EventType.RELEASE_STARTED, EventType.STEP_RECORDED, EventType.PROGRESS_UPDATED);
        assertThat(events(service).get(1).event().data())
                .containsEntry("stepIndex", 1)
                .containsEntry("stableWeight", 95)
                .containsEntry("canaryWeight", 5);
    }

    @Test
    void shouldAuditOperatorActionsWithActorAndReason() {
        String service = uniqueService();
        Release release = store().start(request(service, "1.0.0"), StartOptions.failFast());

        store().pause(release.id(), BOB, "looking at a graph");
        assertThat(store().find(release.id()).orElseThrow().state()).isEqualTo(ReleaseState.PAUSED);
        assertThatThrownBy(() -> store().start(request(service, "1.0.1"), StartOptions.failFast()))
                .isInstanceOf(EnvironmentLockedException.class);
        store().resume(release.id(), BOB, "fine");
        store().approve(release.id(), 2, BOB, "go ahead");
        store().bypass(release.id(), BOB, "gate flaky");
        store().promote(release.id(), BOB, "skip analysis");
        store().abort(release.id(), ALICE, "changed my mind");
        store().requestRollback(release.id(), ALICE, "errors");

        assertThat(store().find(release.id()).orElseThrow().state()).isEqualTo(ReleaseState.IN_PROGRESS);
        assertThat(store().auditTrail(release.id()))
                .extracting(AuditEntry::action, entry -> entry.actor().name(), AuditEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.START, "alice", null),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PAUSE, "bob", "looking at a graph"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.RESUME, "bob", "fine"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.APPROVE, "bob", "go ahead"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.BYPASS, "bob", "gate flaky"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PROMOTE, "bob", "skip analysis"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.ABORT, "alice", "changed my mind"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.ROLLBACK, "alice", "errors"));
        assertThat(store().approvals(release.id())).singleElement().satisfies(approval -> {
            assertThat(approval.stepIndex()).isEqualTo(2);
            assertThat(approval.approver()).isEqualTo(BOB);
            assertThat(approval.comment()).isEqualTo("go ahead");
        });
        assertThat(events(service)).hasSize(8);
    }

    @Test
    void shouldFinishFreeTheLockAndRememberTheLastSuccessfulRelease() {
        String service = uniqueService();
        Release first = store().start(request(service, "1.0.0"), StartOptions.failFast());
        store().finish(first.id(), ReleaseState.SUCCEEDED, ALICE, null);
        Release second = store().start(request(service, "1.1.0"), StartOptions.failFast());
        store().finish(second.id(), ReleaseState.ROLLED_BACK, ALICE, "error rate 3 % > 2 % for 2 m");

        assertThat(store().inProgress(service, "prod")).isEmpty();
        assertThat(store().lastSuccessful(service, "prod")).map(Release::id).contains(first.id());
        Release rolledBack = store().find(second.id()).orElseThrow();
        assertThat(rolledBack.state()).isEqualTo(ReleaseState.ROLLED_BACK);
        assertThat(rolledBack.finishedAt()).isNotNull();
        assertThat(rolledBack.finishReason()).isEqualTo("error rate 3 % > 2 % for 2 m");
        assertThat(events(service))
                .extracting(OutboxEntry::type)
                .containsExactly(
                        EventType.RELEASE_STARTED,
                        EventType.RELEASE_SUCCEEDED,
                        EventType.RELEASE_STARTED,
                        EventType.RELEASE_ROLLED_BACK);
    }

    @Test
    void shouldListReleasesSinceForDoraWithTheRolledBackFlag() {
        String service = uniqueService();
        Release good = store().start(request(service, "1.0.0"), StartOptions.failFast());
        store().finish(good.id(), ReleaseState.SUCCEEDED, ALICE, null);
        Release bad = store().start(request(service, "1.1.0"), StartOptions.failFast());
        store().finish(bad.id(), ReleaseState.SUCCEEDED, ALICE, null);
        Release rollback = store().start(
                        new ReleaseRequest(
                                service,
                                "prod",
                                "1.0.0",
                                "abc123",
                                null,
                                ReleaseStrategy.ROLLBACK,
                                BOB,
                                null,
                                bad.id(),
                                bad.id()),
                        StartOptions.failFast());
        store().finish(rollback.id(), ReleaseState.SUCCEEDED, BOB, "manual rollback");

        List<DeploymentRecord> records = store().releasesSince(service, "prod", good.startedAt());

        assertThat(records).extracting(DeploymentRecord::releaseId).containsExactly(good.id(), bad.id(), rollback.id());
        assertThat(records).extracting(DeploymentRecord::rolledBack).containsExactly(false, true, false);
        assertThat(records.get(0).firstCommitAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(records.get(0).finishedAt()).isNotNull();
        assertThat(store().releasesSince(service, "prod", Instant.now().plusSeconds(3600)))
                .isEmpty();
        assertThat(store().lastSuccessful(service, "prod")).map(Release::id).contains(rollback.id());
    }

    @Test
    void shouldRoundTripHostileNamesFaithfully() {
        List<String> hostile = List.of(
                "a'b", "x\"; DROP TABLE releases; --", "ünïcødé ☃ 𝄞", "*.>", "  spaced  ", "back\\slash", "%_like");
        for (String name : hostile) {
            String service = name + UUID.randomUUID();
            String reason = "'; DELETE FROM audit; --".repeat(500); // 12 KB of hostile free text
            Release release = store().start(
                            new ReleaseRequest(
                                    service,
                                    name,
                                    name,
                                    name,
                                    null,
                                    ReleaseStrategy.DIRECT,
                                    new Actor(name, name),
                                    name,
                                    null,
                                    null),
                            StartOptions.failFast());
            store().pause(release.id(), Actor.of(name), reason);

            Release found = store().inProgress(service, name).orElseThrow();
            assertThat(found.service()).isEqualTo(service);
            assertThat(found.environment()).isEqualTo(name);
            assertThat(found.request()).isEqualTo(release.request());
            assertThat(store().auditTrail(release.id()).get(1).reason()).isEqualTo(reason);
            assertThat(events(service))
                    .extracting(entry -> entry.event().environment())
                    .containsOnly(name);
        }
    }

    @Test
    void shouldRejectHostileInputThatCannotBeStored() {
        String ok = uniqueService();
        assertThatThrownBy(() -> store().start(request("a\0b", "1"), StartOptions.failFast()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("service");
        assertThatThrownBy(() -> store().start(request("x".repeat(10_240), "1"), StartOptions.failFast()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10240");
        assertThatThrownBy(() -> store().inProgress(ok, "line\nbreak")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().start(request(ok, "1\0"), StartOptions.failFast()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NUL");
        Release release = store().start(request(ok, "1"), StartOptions.failFast());
        assertThatThrownBy(() -> store().recordStep(release.id(), new NewStep(0, new StepDetail.Notice("a\0b"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().pause(release.id(), ALICE, "nul\0reason"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store().steps(release.id())).isEmpty();
        assertThat(store().auditTrail(release.id())).hasSize(1);
    }

    @Test
    void shouldRefuseWritesToFinishedOrUnknownReleases() {
        String service = uniqueService();
        Release release = store().start(request(service, "1.0.0"), StartOptions.failFast());
        store().finish(release.id(), ReleaseState.FAILED, ALICE, "smoke test failed");

        assertThatThrownBy(() -> store().recordStep(release.id(), LedgerSteps.traffic(1, TrafficSplit.ALL_CANARY)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("FAILED");
        assertThatThrownBy(() -> store().pause(release.id(), ALICE, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().finish(release.id(), ReleaseState.SUCCEEDED, ALICE, null))
                .isInstanceOf(InvalidInputException.class);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> store().recordStep(unknown, LedgerSteps.traffic(1, TrafficSplit.ALL_CANARY)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(unknown.toString());
        assertThat(store().find(unknown)).isEmpty();
        assertThat(store().steps(release.id())).isEmpty();
        assertThat(events(service)).hasSize(2);
    }
}
