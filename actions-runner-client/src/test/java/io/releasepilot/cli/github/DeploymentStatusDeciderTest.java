package io.releasepilot.cli.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.state.ReleaseState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentStatusDeciderTest {

    @ParameterizedTest(name = "a run that ends {0} leaves its deployment {1}")
    @CsvSource({
        "SUCCEEDED,   SUCCESS",
        // canary rolled back by a trigger, blue-green switched back: the rollout failed
        "ROLLED_BACK, FAILURE",
        "FAILED,      FAILURE",
        "ABORTED,     FAILURE"
    })
    void shouldEndARunsDeployment(ReleaseState state, DeploymentState expected) {
        assertThat(DeploymentStatusDecider.endOfRun(state)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IN_PROGRESS", "PAUSED"})
    void shouldPostNothingFinalWhileTheReleaseIsActive(ReleaseState state) {
        assertThat(DeploymentStatusDecider.endOfRun(state)).isEmpty();
    }

    @ParameterizedTest(name = "a manual rollback of a release that was {0} marks its deployment {1}")
    @CsvSource({
        // it had succeeded: replaced by the new success deployment, so inactive (also on production environments)
        "SUCCEEDED,   INACTIVE",
        // it was still rolling out: it failed its own rollout
        "IN_PROGRESS, FAILURE",
        "PAUSED,      FAILURE"
    })
    void shouldMarkTheRolledBackDeployment(ReleaseState before, DeploymentState expected) {
        assertThat(DeploymentStatusDecider.rolledBack(before)).isEqualTo(expected);
    }
}
