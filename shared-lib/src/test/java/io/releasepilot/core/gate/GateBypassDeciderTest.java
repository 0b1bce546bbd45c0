package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateBypassDeciderTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    private static GatesPolicy policy() {
        return new GatesPolicy(90, 75, true, List.of("alice"));
    }

    private static GateVerdict verdict(Verdict verdict) {
        return new GateVerdict(verdict, 10, List.of(), new GateTotals(0, 0, 0, 0, 0, 0), "test");
    }

    @Test
    void shouldLetAnAuthorityBypassAFailedGateWithAReason() {
        BypassDecision decision =
                GateBypassDecider.decide(policy(), verdict(Verdict.FAIL), "alice", "hotfix for incident 42", AT);

        assertThat(decision.granted()).isTrue();
        assertThat(decision.actor()).isEqualTo("alice");
        assertThat(decision.reason()).isEqualTo("hotfix for incident 42");
        assertThat(decision.at()).isEqualTo(AT);
        assertThat(decision.bypassedVerdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldRefuseSomeoneOutsideTheAuthority() {
        BypassDecision decision = GateBypassDecider.decide(policy(), verdict(Verdict.FAIL), "mallory", "trust me", AT);

        assertThat(decision.granted()).isFalse();
        assertThat(decision.explanation()).contains("mallory").contains("authority");
    }

    @Test
    void shouldRefuseABypassWithoutAReason() {
        BypassDecision decision = GateBypassDecider.decide(policy(), verdict(Verdict.INCONCLUSIVE), "alice", "  ", AT);

        assertThat(decision.granted()).isFalse();
        assertThat(decision.explanation()).contains("reason");
    }

    @Test
    void shouldRefuseWhenNobodyIsAnAuthority() {
        BypassDecision decision =
                GateBypassDecider.decide(GatesPolicy.defaults(), verdict(Verdict.FAIL), "alice", "why not", AT);

        assertThat(decision.granted()).isFalse();
    }
}
