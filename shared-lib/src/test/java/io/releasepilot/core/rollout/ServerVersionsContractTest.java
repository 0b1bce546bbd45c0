package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.sample.SampleService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerVersions} adapter does, against a real sample service: it returns the version page as
 * answered, and a server that refuses or does not answer in time as {@link ServerVersions.Answer.Unreachable}, never
 * as an exception and never after much more than the timeout.
 */
public abstract class ServerVersionsContractTest {
    /** The adapter under test. */
    protected abstract ServerVersions versions();

    @Test
    void shouldReturnTheVersionPageAsTheServerAnswersIt() throws IOException {
        try (SampleService service = SampleService.start("contract", "7.1.0", 0)) {
            ServerVersions.Answer answer = versions()
                    .fetch(URI.create("http://127.0.0.1:" + service.port() + "/version"), Duration.ofSeconds(10));

            assertThat(answer).isInstanceOfSatisfying(ServerVersions.Answer.Answered.class, answered -> {
                assertThat(answered.status()).isEqualTo(200);
                assertThat(answered.header("x-version")).contains("7.1.0");
                assertThat(answered.body()).contains("\"version\":\"7.1.0\"");
            });
        }
    }

    @Test
    void shouldReportARefusedConnectionAsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        ServerVersions.Answer answer =
                versions().fetch(URI.create("http://127.0.0.1:" + closed + "/version"), Duration.ofSeconds(1));

        assertThat(answer).isInstanceOf(ServerVersions.Answer.Unreachable.class);
    }

    @Test
    void shouldGiveUpOnASilentServerAfterTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // Warm up first (class loading on a busy machine is not the timeout under test).
            versions().fetch(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), Duration.ofMillis(300));
            long start = System.nanoTime();

            ServerVersions.Answer answer = versions()
                    .fetch(
                            URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/version"),
                            Duration.ofMillis(300));

            assertThat(answer).isInstanceOf(ServerVersions.Answer.Unreachable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
