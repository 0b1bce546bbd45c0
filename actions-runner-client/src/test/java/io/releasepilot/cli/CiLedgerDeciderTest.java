package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.CiLedgerDecider.Decision;
import io.releasepilot.cli.CiLedgerDecider.Host;
import io.releasepilot.cli.CiLedgerDecider.Placement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CiLedgerDeciderTest {

    @ParameterizedTest(name = "{0}, url {1}, --ephemeral-ledger {2} -> {3}")
    @CsvSource({
        "NONE,           false, false, EMBEDDED",
        "NONE,           false, true,  EMBEDDED",
        "NONE,           true,  false, SERVER",
        "NONE,           true,  true,  SERVER",
        "GITHUB_ACTIONS, false, false, REFUSED",
        "GITHUB_ACTIONS, false, true,  EPHEMERAL",
        "GITHUB_ACTIONS, true,  false, SERVER",
        "GITHUB_ACTIONS, true,  true,  SERVER",
        "JENKINS,        false, false, REFUSED",
        "JENKINS,        false, true,  EPHEMERAL",
        "JENKINS,        true,  false, SERVER",
        "JENKINS,        true,  true,  SERVER"
    })
    void shouldPlaceTheLedger(Host host, boolean url, boolean ephemeral, Placement expected) {
        Decision decision = CiLedgerDecider.decide(host, url, ephemeral);

        assertThat(decision.placement()).isEqualTo(expected);
    }

    @Test
    void shouldTellAGitHubUserWhichInputsAndSecretsToSet() {
        String message =
                CiLedgerDecider.decide(Host.GITHUB_ACTIONS, false, false).message();

        assertThat(message)
                .contains("GITHUB_ACTIONS=true")
                .contains("RP_DATABASE_URL is not set")
                .contains("database-url", "database-user", "database-password")
                .contains("${{ secrets.RP_DATABASE_URL }}", "${{ secrets.RP_DATABASE_PASSWORD }}")
                .contains("RP_DATABASE_USER")
                .contains("ephemeral-ledger: true", "--ephemeral-ledger")
                .contains("docs/github-actions.md");
    }

    @Test
    void shouldTellAJenkinsUserWhichVariablesAndCredentialsToSet() {
        String message = CiLedgerDecider.decide(Host.JENKINS, false, false).message();

        assertThat(message)
                .contains("JENKINS_URL")
                .contains("RP_DATABASE_URL", "RP_DATABASE_USER", "RP_DATABASE_PASSWORD")
                .contains("withCredentials")
                .contains("--ephemeral-ledger")
                .contains("docs/jenkins.md")
                .doesNotContain("database-url:");
    }

    @Test
    void shouldWarnThatAnEphemeralLedgerLosesItsHistory() {
        String message =
                CiLedgerDecider.decide(Host.GITHUB_ACTIONS, false, true).message();

        assertThat(message).contains("thrown away", "history is lost", "database-url");
    }

    @Test
    void shouldSayNothingOnAPlainShellOrWithADatabase() {
        assertThat(CiLedgerDecider.decide(Host.NONE, false, false).message()).isEmpty();
        assertThat(CiLedgerDecider.decide(Host.GITHUB_ACTIONS, true, false).message())
                .isEmpty();
        assertThat(CiLedgerDecider.decide(Host.JENKINS, true, true).message()).contains("ignored");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GITHUB_ACTIONS=true,                     GITHUB_ACTIONS",
        "GITHUB_ACTIONS=false,                    NONE",
        "JENKINS_URL=https://ci.example.com/,     JENKINS",
        "JENKINS_URL=,                            NONE",
        "BUILD_NUMBER=7,                          NONE"
    })
    void shouldRecogniseTheHostFromItsVariables(String variable, Host expected) {
        String[] parts = variable.split("=", 2);

        assertThat(Host.of(Map.of(parts[0], parts.length > 1 ? parts[1] : ""))).isEqualTo(expected);
    }

    @Test
    void shouldPreferGitHubActionsWhenBothAreSet() {
        assertThat(Host.of(Map.of("GITHUB_ACTIONS", "true", "JENKINS_URL", "https://ci")))
                .isEqualTo(Host.GITHUB_ACTIONS);
    }
}
