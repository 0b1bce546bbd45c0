package io.releasepilot.jenkins;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Work a step ships to the agent that holds the build's workspace: everything a release runs (the spec's hooks and
 * router commands, NGINX test/reload, load balancer and Prometheus calls) happens inside {@link #run}, in the agent's
 * JVM, never in the controller's. Serializable because it crosses the remoting channel: only Strings, records of
 * Strings and the (serializable) operations travel, never a controller object.
 *
 * @param <T> what comes back to the controller (serializable too)
 */
public interface AgentTask<T extends Serializable> extends Serializable {
    /**
     * @param workspace the workspace root as a local directory of the agent
     * @param log the build log (lines travel back to the controller)
     */
    T run(Path workspace, ProgressLog log) throws IOException, InterruptedException;
}
