package io.releasepilot.core.process;

/**
 * Runs one program to completion under a {@link ProcessRequest}: only the request's environment, output bounded and
 * masked, and the program's whole process tree stopped (SIGTERM, then SIGKILL after a grace) when it outlives its
 * timeout or the calling thread is interrupted. Implementations must never return or throw unmasked output.
 */
public interface ProcessLauncher {
    /**
     * Runs the request's program and waits for it.
     *
     * @return the outcome; a program that timed out is an outcome ({@link ProcessOutcome#timedOut()}), not an error
     * @throws ProcessLaunchException when the program cannot be started, or the calling thread was interrupted (the
     *     interrupt flag is set again and the process tree is stopped before it is thrown)
     */
    ProcessOutcome run(ProcessRequest request);
}
