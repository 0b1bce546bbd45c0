package io.releasepilot.core.traffic.command;

import io.releasepilot.core.traffic.TrafficRouterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user-configured program as an argv list (never through a shell), with a timeout, capturing stdout and stderr
 * together so that errors can quote them. Used by the NGINX and command routers.
 */
public final class ExternalCommand {
    private static final int MAX_QUOTED_CHARS = 4000;

    private ExternalCommand() {}

    /** The outcome of one run: exit code and the combined output. */
    public record Result(List<String> argv, int exitCode, String output) {
        public Result {
            argv = List.copyOf(argv);
        }

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The output, trimmed and shortened for an error message. */
        public String quotedOutput() {
            String trimmed = output.strip();
            return trimmed.length() <= MAX_QUOTED_CHARS
                    ? trimmed
                    : trimmed.substring(0, MAX_QUOTED_CHARS) + " …(" + trimmed.length() + " chars)";
        }
    }

    /**
     * Runs {@code argv} with {@code extraEnvironment} added to this process's environment. A program that does not
     * finish within {@code timeout} is killed (with its children) and reported as a {@link TrafficRouterException}.
     */
    public static Result run(List<String> argv, Map<String, String> extraEnvironment, Duration timeout) {
        Path output = null;
        try {
            // A file, not a pipe: a chatty program can never block on a full pipe while we wait for it.
            output = Files.createTempFile("rp-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(extraEnvironment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new TrafficRouterException(
                        "command " + argv + " did not finish within " + timeout + "; output: " + read(output));
            }
            return new Result(argv, process.exitValue(), read(output));
        } catch (IOException e) {
            throw new TrafficRouterException("cannot run " + argv + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrafficRouterException("interrupted while running " + argv, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
