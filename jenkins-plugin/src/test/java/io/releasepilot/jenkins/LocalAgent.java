package io.releasepilot.jenkins;

import hudson.model.TaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent in the test JVM holding a workspace directory: runs each task with that directory and the build log, and
 * remembers the tasks. With {@code serializing}, every task first goes through Java serialization as over the remoting
 * channel, so a task that dragged a controller object along would fail here.
 */
final class LocalAgent implements AgentWorkspace {
    final Path root;
    final List<AgentTask<?>> tasks = new CopyOnWriteArrayList<>();
    private final TaskListener listener;
    private final boolean serializing;

    LocalAgent(Path root, TaskListener listener) {
        this(root, listener, false);
    }

    LocalAgent(Path root, TaskListener listener, boolean serializing) {
        this.root = root;
        this.listener = listener;
        this.serializing = serializing;
    }

    @Override
    public <T extends Serializable> T call(AgentTask<T> task) throws IOException, InterruptedException {
        tasks.add(task);
        AgentTask<T> sent = serializing ? roundTrip(task) : task;
        return sent.run(root, line -> listener.getLogger().println("[release-pilot] " + line));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }
}
