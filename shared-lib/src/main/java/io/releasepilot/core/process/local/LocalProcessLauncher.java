package io.releasepilot.core.process.local;

import io.releasepilot.core.process.ProcessLaunchException;
import io.releasepilot.core.process.ProcessLauncher;
import io.releasepilot.core.process.ProcessOutcome;
import io.releasepilot.core.process.ProcessRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs as children of this JVM. Output goes to a private temporary file, not a pipe, so a chatty program
 * never blocks on a full pipe and a grandchild that keeps the pipe open never blocks us; only the first {@code
 * outputLimit} characters are read back. On timeout or interrupt the whole tree is stopped ({@link ProcessTree}); a
 * JVM that is shutting down (the CLI got SIGTERM) stops the trees still running first.
 */
public final class LocalProcessLauncher implements ProcessLauncher {
    /** How long a stopped tree gets between SIGTERM and SIGKILL by default. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final Duration grace;

    public LocalProcessLauncher() {
        this(DEFAULT_GRACE);
    }

    public LocalProcessLauncher(Duration grace) {
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    public ProcessOutcome run(ProcessRequest request) {
        Path output = null;
        try {
            output = Files.createTempFile("rp-process", ".out");
            ProcessBuilder builder = new ProcessBuilder(request.argv())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // Nothing is inherited: the request's environment is the whole environment.
            builder.environment().clear();
            builder.environment().putAll(request.environment());
            Process process = builder.start();
            ProcessTree tree = ProcessTree.track(process.toHandle());
            try {
                boolean finished = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    tree.stop(grace);
                    return outcome(request, -1, output, true);
                }
                return outcome(request, process.exitValue(), output, false);
            } catch (InterruptedException e) {
                tree.stop(grace);
                Thread.currentThread().interrupt();
                throw new ProcessLaunchException(
                        "interrupted while running " + request.argv() + "; its process tree was stopped", e);
            } finally {
                tree.untrack();
            }
        } catch (IOException e) {
            throw new ProcessLaunchException(
                    "cannot run " + request.argv() + ": " + request.mask().mask(String.valueOf(e.getMessage())), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover private temp file is harmless
                }
            }
        }
    }

    private static ProcessOutcome outcome(ProcessRequest request, int exitCode, Path output, boolean timedOut)
            throws IOException {
        long size = Files.size(output);
        // Read a little past the limit so a secret straddling the cut is still whole when it is masked.
        int limit = request.outputLimit();
        int read = (int) Math.min(size, (long) limit + 4L * request.mask().longest() + 4);
        byte[] bytes = new byte[read];
        try (InputStream in = Files.newInputStream(output)) {
            int offset = 0;
            while (offset < read) {
                int n = in.read(bytes, offset, read - offset);
                if (n < 0) {
                    break;
                }
                offset += n;
            }
        }
        String masked = request.mask().mask(new String(bytes, StandardCharsets.UTF_8));
        String kept = masked.length() <= limit ? masked : masked.substring(0, limit);
        boolean whole = size <= read && masked.length() <= limit;
        long dropped = whole ? 0 : Math.max(1, size - kept.getBytes(StandardCharsets.UTF_8).length);
        return new ProcessOutcome(request.argv(), exitCode, kept, dropped, timedOut);
    }
}
