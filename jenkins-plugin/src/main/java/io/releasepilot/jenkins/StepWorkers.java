package io.releasepilot.jenkins;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for step work, so no Pipeline (CPS) thread and no executor slot waits on a release. Unbounded on purpose:
 * each running release holds one thread for its whole duration (hours for a canary), which would starve Jenkins'
 * small shared {@code jenkins.util.Timer} pool.
 */
final class StepWorkers {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "release-pilot-step-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
    static final ExecutorService POOL = Executors.newCachedThreadPool(FACTORY);

    private StepWorkers() {}
}
