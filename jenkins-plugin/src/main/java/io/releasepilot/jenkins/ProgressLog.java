package io.releasepilot.jenkins;

/** Where the core reports progress of a long operation; the steps print it to the build log. */
@FunctionalInterface
public interface ProgressLog {
    void line(String message);
}
