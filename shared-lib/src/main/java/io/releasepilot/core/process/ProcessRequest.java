package io.releasepilot.core.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One program to run: its argv (never a shell line), the complete environment it gets (nothing is inherited), how
 * long it may take, how much of its output is kept and which secrets are masked in it.
 *
 * @param argv the program and its arguments
 * @param environment every variable the program sees
 * @param timeout how long it may run before its process tree is stopped
 * @param outputLimit how many characters of its combined stdout and stderr are kept; the rest is counted and dropped
 * @param mask the secrets replaced in the output
 */
public record ProcessRequest(
        List<String> argv, Map<String, String> environment, Duration timeout, int outputLimit, SecretMask mask) {
    /** The output kept by default: enough for any error message, never a memory risk. */
    public static final int DEFAULT_OUTPUT_LIMIT = 64 * 1024;

    public ProcessRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException("argv must name a program first, got " + argv);
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (outputLimit < 1) {
            throw new IllegalArgumentException("outputLimit must be positive, got " + outputLimit);
        }
        Objects.requireNonNull(mask, "mask");
    }

    @Override
    public String toString() {
        // The environment may hold allow-listed secrets: name the variables, never their values.
        return "ProcessRequest[argv=" + argv + ", environment=" + environment.keySet() + ", timeout=" + timeout + "]";
    }
}
