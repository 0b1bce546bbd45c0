package io.releasepilot.jenkins;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * A Jenkins workspace: tasks run through {@code FilePath.act} in the JVM of the agent that holds it, never copied to
 * the controller. Remoting interrupts a running task when its channel closes (controller restart), so no engine keeps
 * driving a release the resumed step takes over.
 */
final class FilePathAgent implements AgentWorkspace {
    private final FilePath workspace;
    private final TaskListener listener;

    FilePathAgent(FilePath workspace, TaskListener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    @Override
    public <T extends Serializable> T call(AgentTask<T> task) throws IOException, InterruptedException {
        return workspace.act(new OnAgent<>(task, listener));
    }

    /** The task and the build log, as one callable the controller may send to an agent. */
    record OnAgent<T extends Serializable>(AgentTask<T> task, TaskListener listener)
            implements ControllerToAgentFileCallable<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public T invoke(File root, VirtualChannel channel) throws IOException, InterruptedException {
            PrintStream out = listener.getLogger();
            return task.run(root.toPath(), line -> out.println("[release-pilot] " + line));
        }
    }
}
