package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's main job, end to end: a real HAProxy (or the embedded proxy), real sample services under load, the
 * embedded Postgres ledger; the failing canary must be rolled back and the blue-green release must succeed.
 */
class DemoCommandIT {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldRollBackTheFailingCanaryThenReleaseV3(boolean embeddedProxy, @TempDir Path state) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = embeddedProxy
                ? new String[] {"demo", "--step-seconds", "2", "--embedded-proxy"}
                : new String[] {"demo", "--step-seconds", "2"};

        int code = ReleasePilotCli.run(
                RunnerEnvironment.of(Map.of("RP_STATE_DIR", state.toString(), "USER", "tester")),
                new PrintWriter(out),
                new PrintWriter(err),
                args);

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains(embeddedProxy ? "in-process weighted proxy" : "traffic goes through HAProxy")
                .contains("canary ended: ROLLED_BACK")
                .contains("blue-green ended: SUCCEEDED")
                .contains("## Release shop v2 → demo: ROLLED_BACK")
                .contains("weights 100/0")
                .contains("demo finished as expected");
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(p -> p.info().command().orElse("").contains("haproxy")))
                .as("no HAProxy left behind")
                .isEmpty();
    }
}
