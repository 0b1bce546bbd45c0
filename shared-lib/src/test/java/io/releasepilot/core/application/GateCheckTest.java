package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.junit.JunitGateSource;
import io.releasepilot.core.release.Verdict;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.state.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCheckTest {
    @TempDir
    Path dir;

    private Map<String, List<Path>> junit(int failing) throws IOException {
        StringBuilder suite = new StringBuilder("<testsuite><testcase name=\"ok\"/>");
        for (int i = 0; i < failing; i++) {
            suite.append("<testcase name=\"bad").append(i).append("\"><failure/></testcase>");
        }
        Path report = Files.writeString(dir.resolve("TEST-a.xml"), suite.append("</testsuite>"));
        return Map.of(JunitGateSource.TYPE, List.of(report));
    }

    private static ReleaseSpec gated() {
        return ReleaseSessionTest.spec("""
                service: checkout
                gates:
                  bypass: { authority: [alice] }
                  objectives:
                    - { name: tests, source: junit, metric: failed, comparator: "<=", pass: 0, key: true }
                """);
    }

    private static ReleasePorts ports(Ledger ledger) {
        return ReleasePorts.standard(ledger, Map.of());
    }

    private static Optional<GateCheck.Bypass> bypassBy(String actor) {
        return Optional.of(new GateCheck.Bypass(Actor.of(actor), "known flaky test"));
    }

    @Test
    void shouldApplyTheSeedGatesWithoutASpecAndNeverOpenTheLedger() throws IOException {
        GateCheck.Result result = GateCheck.of(null, null, ports(ReleaseSessionTest.untouchedLedger()))
                .run(new GateCheck.Inputs(junit(0), "", Optional.empty()));

        assertThat(result.verdict().verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.plan().sources()).extracting(s -> s.type()).containsExactly(JunitGateSource.TYPE);
        assertThat(result.bypass()).isEmpty();
        assertThat(result.bypassed()).isFalse();
    }

    @Test
    void shouldEvaluateTheSpecsGatesWithoutRecordingWhenNoEnvironmentIsGiven() throws IOException {
        GateCheck.Result result = GateCheck.of(gated(), null, ports(ReleaseSessionTest.untouchedLedger()))
                .run(new GateCheck.Inputs(junit(1), "", Optional.empty()));

        assertThat(result.verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.verdict().results())
                .singleElement()
                .satisfies(r -> assertThat(r.explanation()).contains("failed = 1"));
    }

    @Test
    void shouldEvaluateButNotRecordWhenTheHostHasNoLedger() throws IOException {
        GateCheck.Result result = GateCheck.of(gated(), "staging", ports(Ledger.none("no ledger here")))
                .run(new GateCheck.Inputs(junit(1), "", Optional.empty()));

        assertThat(result.verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.bypass()).isEmpty();
    }

    @Test
    void shouldRefuseABypassThatCannotBeAudited() throws IOException {
        Map<String, List<Path>> reports = junit(1);

        assertThatThrownBy(() -> GateCheck.of(gated(), null, ports(ReleaseSessionTest.untouchedLedger()))
                        .run(new GateCheck.Inputs(reports, "", bypassBy("alice"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("audited in the release ledger");
        assertThatThrownBy(() -> GateCheck.of(gated(), "staging", ports(Ledger.none("set the database URL")))
                        .run(new GateCheck.Inputs(reports, "", bypassBy("alice"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("set the database URL");
    }

    @Test
    void shouldNeedTheSpecToRecordOnAnEnvironment() {
        assertThatThrownBy(() -> GateCheck.of(null, "staging", ports(ReleaseSessionTest.untouchedLedger())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the service name comes from it");
    }
}
