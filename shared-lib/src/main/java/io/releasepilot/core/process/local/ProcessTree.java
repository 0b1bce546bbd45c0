package io.releasepilot.core.process.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A started program and everything it forked: stopped together, SIGTERM first and SIGKILL for what is left after the
 * grace. The descendants are collected before the first signal, because a child whose parent has died is re-parented
 * and no longer found below it. Trees still running when the JVM shuts down are stopped by a shutdown hook.
 */
final class ProcessTree {
    private static final Set<ProcessTree> RUNNING = ConcurrentHashMap.newKeySet();
    private static final long POLL_MILLIS = 20;
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(2);

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> List.copyOf(RUNNING).forEach(tree -> tree.stop(SHUTDOWN_GRACE)),
                        "release-pilot-process-trees"));
    }

    private final ProcessHandle root;

    private ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    /** Tracks {@code root}'s tree until {@link #untrack}, so a JVM shutdown stops it. */
    static ProcessTree track(ProcessHandle root) {
        ProcessTree tree = new ProcessTree(root);
        RUNNING.add(tree);
        return tree;
    }

    void untrack() {
        RUNNING.remove(this);
    }

    /** Stops the whole tree: SIGTERM to every member, SIGKILL to whatever outlives {@code grace}. */
    void stop(java.time.Duration grace) {
        Set<ProcessHandle> members = members(List.of(root));
        members.forEach(ProcessHandle::destroy);
        boolean interrupted = waitForExit(members, grace.toMillis());
        // A member that ignored SIGTERM may have forked since: collect again below the survivors.
        Set<ProcessHandle> survivors =
                members(members.stream().filter(ProcessHandle::isAlive).toList());
        survivors.forEach(ProcessHandle::destroyForcibly);
        interrupted |= waitForExit(survivors, TimeUnit.SECONDS.toMillis(2));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<ProcessHandle> members(List<ProcessHandle> roots) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        for (ProcessHandle handle : roots) {
            members.add(handle);
            handle.descendants().forEach(members::add);
        }
        return members;
    }

    /** Waits until none of {@code members} is alive or the time is up; true when the wait was interrupted. */
    private static boolean waitForExit(Set<ProcessHandle> members, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        while (members.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                // Keep stopping the tree; the caller's interrupt flag is restored afterwards.
                interrupted = true;
            }
        }
        return interrupted;
    }
}
