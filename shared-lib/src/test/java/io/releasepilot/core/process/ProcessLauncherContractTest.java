package io.releasepilot.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link ProcessLauncher} passes, with real programs ({@code sh}): only the request's environment,
 * output bounded and masked, the whole tree gone after a timeout or an interrupt, even a member that ignores SIGTERM.
 * Public (exported in the test-jar) so a launcher in another module (a Jenkins agent's) extends it.
 */
public abstract class ProcessLauncherContractTest {
    /** What the tests treat as a secret. */
    protected static final String SECRET = "s3cr3t-Value-42";

    /** The launcher under test, giving a stopped tree {@code grace} between SIGTERM and SIGKILL. */
    protected abstract ProcessLauncher launcher(Duration grace);

    private ProcessOutcome run(String script, Map<String, String> environment, int limit, Duration timeout) {
        return launcher(Duration.ofMillis(500))
                .run(new ProcessRequest(
                        List.of("sh", "-c", script), environment, timeout, limit, SecretMask.of(List.of(SECRET))));
    }

    private ProcessOutcome run(String script, Map<String, String> environment) {
        return run(script, environment, ProcessRequest.DEFAULT_OUTPUT_LIMIT, Duration.ofSeconds(20));
    }

    @Test
    public void shouldGiveTheProgramOnlyTheRequestEnvironment() {
        ProcessOutcome outcome = run("env", Map.of("PATH", "/usr/bin:/bin", "RP_SERVICE", "checkout"));

        assertThat(outcome.succeeded()).isTrue();
        List<String> names = outcome.output()
                .lines()
                .filter(line -> line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();
        // sh adds its own PWD, SHLVL and _; nothing of the launching process's environment comes through.
        assertThat(names)
                .contains("PATH", "RP_SERVICE")
                .allMatch(name -> List.of("PATH", "RP_SERVICE", "PWD", "SHLVL", "_", "OLDPWD")
                        .contains(name));
    }

    @Test
    public void shouldReportTheExitCode() {
        ProcessOutcome outcome = run("echo failing; exit 3", Map.of());

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.output()).contains("failing");
    }

    @Test
    public void shouldMaskEverySecretInTheOutput() {
        ProcessOutcome outcome = run(
                "echo \"token=$TOKEN\"; echo \"again $TOKEN\" >&2", Map.of("PATH", "/usr/bin:/bin", "TOKEN", SECRET));

        assertThat(outcome.output()).doesNotContain(SECRET).contains("token=" + SecretMask.MASK, "again ****");
        assertThat(outcome.reported()).doesNotContain(SECRET);
    }

    @Test
    public void shouldKeepOnlyTheBoundAndCountTheRest() {
        int limit = 64 * 1024;

        ProcessOutcome outcome = run(
                "head -c 10485760 /dev/zero | tr '\\000' a",
                Map.of("PATH", "/usr/bin:/bin"),
                limit,
                Duration.ofSeconds(30));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.output()).hasSize(limit);
        assertThat(outcome.droppedChars()).isEqualTo(10_485_760L - limit);
        assertThat(outcome.reported()).contains("more bytes of output dropped");
    }

    @Test
    public void shouldMaskASecretThatStraddlesTheBound() {
        int limit = 1000;

        ProcessOutcome outcome = run(
                "head -c 995 /dev/zero | tr '\\000' a; printf %s \"$TOKEN\"; head -c 5000 /dev/zero | tr '\\000' b",
                Map.of("PATH", "/usr/bin:/bin", "TOKEN", SECRET), limit, Duration.ofSeconds(20));

        assertThat(outcome.output()).hasSizeLessThanOrEqualTo(limit).doesNotContain(SECRET.substring(0, 5));
        assertThat(outcome.output()).startsWith("a".repeat(995) + SecretMask.MASK);
    }

    @Test
    public void shouldStopTheWholeTreeOnTimeoutEvenWhenItIgnoresSigterm(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");

        ProcessOutcome outcome = run(
                "trap '' TERM; echo $$ > " + pids + "; sleep 300 & echo $! >> " + pids + "; wait",
                Map.of("PATH", "/usr/bin:/bin"),
                1000,
                Duration.ofSeconds(1));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertNoneAlive(pids);
    }

    @Test
    public void shouldStopTheWholeTreeWhenTheCallerIsInterrupted(@TempDir Path dir) throws Exception {
        Path pids = dir.resolve("pids");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>(false);
        Thread caller = new Thread(() -> {
            try {
                run(
                        "trap '' TERM; echo $$ > " + pids + "; sleep 300 & echo $! >> " + pids + "; wait",
                        Map.of("PATH", "/usr/bin:/bin"),
                        1000,
                        Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        waitForLines(pids, 2);

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ProcessLaunchException.class).hasMessageContaining("interrupted");
        assertThat(flag.get()).isTrue();
        assertNoneAlive(pids);
    }

    @Test
    public void shouldFailClearlyForAProgramThatDoesNotExist() {
        ProcessLauncher launcher = launcher(Duration.ofMillis(100));
        ProcessRequest request = new ProcessRequest(
                List.of("/nonexistent/program"), Map.of(), Duration.ofSeconds(5), 100, SecretMask.NONE);

        assertThatThrownBy(() -> launcher.run(request))
                .isInstanceOf(ProcessLaunchException.class)
                .hasMessageContaining("/nonexistent/program");
    }

    private static void waitForLines(Path file, int lines) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)
                    && Files.readAllLines(file, StandardCharsets.UTF_8).size() >= lines) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " never got " + lines + " lines");
    }

    private static void assertNoneAlive(Path pids) throws IOException, InterruptedException {
        waitForLines(pids, 2);
        List<Long> started = Files.readAllLines(pids, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .map(Long::parseLong)
                .toList();
        assertThat(started).hasSize(2);
        for (long pid : started) {
            // A killed child may linger as a zombie for a moment until it is reaped.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d of the tree is still alive", pid)
                    .isFalse();
        }
    }
}
