package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.junit.jupiter.api.Test;

class ReleaseRunListenerTest {
    private final FakeReleaseHost host = new FakeReleaseHost();
    private final FakeRun run = new FakeRun(new FakeJob(), "alice");

    @Test
    void shouldRecordABuildThatReleased() {
        run.addOrReplaceAction(new ReleaseBadgeAction("released", "1.4.0", "production", true));
        run.finish(Result.SUCCESS);

        new ReleaseRunListener(host).onCompleted(run, new FakeTaskListener());

        assertThat(host.operations.calls).hasSize(1);
        BuildRecord record = (BuildRecord) host.operations.calls.get(0);
        assertThat(record.context().actor()).isEqualTo("alice");
        assertThat(record.result()).isEqualTo("SUCCESS");
        assertThat(record.context().buildUrl()).isEqualTo("https://ci.example.com/job/checkout-deploy/42/");
    }

    @Test
    void shouldIgnoreBuildsThatDidNotRelease() {
        new ReleaseRunListener(host).onCompleted(run, new FakeTaskListener());

        assertThat(host.operations.calls).isEmpty();
    }

    @Test
    void shouldLogInsteadOfFailingWhenTheLedgerIsDown() {
        run.addOrReplaceAction(new ReleaseBadgeAction("released", "1.4.0", "production", true));
        FakeTaskListener listener = new FakeTaskListener();
        FakeReleaseHost down = new FakeReleaseHost() {
            @Override
            public ReleaseOperations operations(hudson.model.Run<?, ?> r, java.util.Map<String, String> variables) {
                return new CoreReleaseOperations(new ConnectionSettings(null, null, null, null, null, null), null);
            }
        };

        new ReleaseRunListener(down).onCompleted(run, listener);

        assertThat(listener.text()).contains("could not record the build in the ledger");
    }
}
