package io.releasepilot.jenkins;

import java.io.IOException;
import java.io.Serializable;

/**
 * The agent holding a build's workspace, as the steps see it: the only way a step gets work done that touches the
 * workspace or starts a process. Jenkins supplies a {@code FilePath} ({@link FilePathAgent}, which runs the task through
 * {@code FilePath.act} on the agent); a host may put its own implementation into the step context instead (the glue
 * tests' fake agents do), which the steps prefer.
 */
public interface AgentWorkspace {
    /**
     * Runs the task on the agent and returns its result. An interrupt of the calling thread (build abort) or the end of
     * the agent connection (controller restart) interrupts the task there.
     */
    <T extends Serializable> T call(AgentTask<T> task) throws IOException, InterruptedException;
}
