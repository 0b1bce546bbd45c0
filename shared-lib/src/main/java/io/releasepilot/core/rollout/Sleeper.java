package io.releasepilot.core.rollout;

import java.time.Duration;

/** Waits between evaluations; injected so tests (and the demo) control time instead of the engine calling sleep. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
