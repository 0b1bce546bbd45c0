package io.releasepilot.core.traffic.command;

import io.releasepilot.core.process.ProcessLaunchException;
import io.releasepilot.core.process.ProcessLauncher;
import io.releasepilot.core.process.ProcessOutcome;
import io.releasepilot.core.process.ProcessPolicy;
import io.releasepilot.core.process.local.LocalProcessLauncher;
import io.releasepilot.core.traffic.TrafficRouterException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a user-configured program as an argv list (never through a shell) for a router or a hook, through the
 * release's {@link ProcessLauncher} under its {@link ProcessPolicy}: scrubbed environment plus the release's {@code
 * RP_*} variables, output bounded and masked, the process tree stopped on timeout. Used by the NGINX and command
 * routers and the blue-green hooks.
 */
public final class ExternalCommand {
    private static final int MAX_QUOTED_CHARS = 4000;

    private final ProcessLauncher launcher;
    private final ProcessPolicy policy;

    public ExternalCommand(ProcessLauncher launcher, ProcessPolicy policy) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Programs run here with no host variable at all ({@link ProcessPolicy#ISOLATED}): tests and the demo. */
    public static ExternalCommand isolated() {
        return new ExternalCommand(new LocalProcessLauncher(), ProcessPolicy.ISOLATED);
    }

    /** The outcome of one run: exit code and the combined output (masked, bounded). */
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
     * Runs {@code argv} with the policy's environment and the release's {@code releaseVariables} ({@code RP_*}). A
     * program that does not finish within {@code timeout} is stopped with its whole tree and reported as a {@link
     * TrafficRouterException}.
     */
    public Result execute(List<String> argv, Map<String, String> releaseVariables, Duration timeout) {
        ProcessOutcome outcome;
        try {
            outcome = launcher.run(policy.request(argv, releaseVariables, timeout));
        } catch (ProcessLaunchException e) {
            throw new TrafficRouterException(String.valueOf(e.getMessage()), e);
        }
        if (outcome.timedOut()) {
            throw new TrafficRouterException("command " + argv + " did not finish within " + timeout
                    + " and was stopped with its child processes; output: " + outcome.reported());
        }
        return new Result(argv, outcome.exitCode(), outcome.reported());
    }

    /** Runs {@code argv} in isolation ({@link #isolated()}); a release runs its programs through its own instance. */
    public static Result run(List<String> argv, Map<String, String> releaseVariables, Duration timeout) {
        return isolated().execute(argv, releaseVariables, timeout);
    }
}
