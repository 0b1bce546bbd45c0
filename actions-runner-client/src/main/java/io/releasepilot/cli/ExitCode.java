package io.releasepilot.cli;

/** The exit codes of every command, documented in the README. */
public enum ExitCode {
    /** Success, or the gate passed (PASS or WARNING). */
    OK(0),
    /** A gate failed, or the release was rolled back. */
    FAILED(1),
    /** Bad input or usage: a spec problem, an unknown flag, a missing file. */
    BAD_INPUT(2),
    /** Infrastructure error: a service (Postgres, NATS, a load balancer, Prometheus, GitHub) was unreachable. */
    INFRASTRUCTURE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
