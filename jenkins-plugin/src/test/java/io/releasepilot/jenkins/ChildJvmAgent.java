package io.releasepilot.jenkins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An agent that is another JVM, as a Jenkins agent is: each task is serialized (as over the remoting channel), run by
 * {@link Main} in a child {@code java} process with the workspace as its local directory, and its result or exception
 * serialized back. Log lines travel back on the child's stderr. An interrupt of the caller (build abort) kills the
 * child, as a closed channel interrupts the agent's call. {@link #pids} tells which JVM ran which task.
 */
final class ChildJvmAgent implements AgentWorkspace {
    private static final String LOG = "RP-LOG ";
    final Path root;
    final java.util.List<Long> pids = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FakeTaskListener listener;

    ChildJvmAgent(Path root, FakeTaskListener listener) {
        this.root = root;
        this.listener = listener;
    }

    @Override
    public <T extends Serializable> T call(AgentTask<T> task) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rp-agent-call");
        Path in = dir.resolve("task.ser");
        Path out = dir.resolve("result.ser");
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(in))) {
            o.writeObject(task);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        root.toString(),
                        in.toString(),
                        out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        pids.add(p.pid());
        Thread pump = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    listener.getLogger()
                            .println(
                                    line.startsWith(LOG)
                                            ? "[release-pilot] " + line.substring(LOG.length())
                                            : "[agent] " + line);
                }
            } catch (IOException e) {
                // the child is gone; nothing more to forward
            }
        });
        pump.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new IOException("the agent JVM did not finish within 120 s");
            }
            pump.join(5_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw e;
        }
        try (ObjectInputStream o = new ObjectInputStream(Files.newInputStream(out))) {
            Object result = o.readObject();
            if (result instanceof Failure f) {
                if (f.error() instanceof RuntimeException r) {
                    throw r;
                }
                if (f.error() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(f.error());
            }
            @SuppressWarnings("unchecked")
            T value = (T) result;
            return value;
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    /** What the child sends back when the task threw. */
    record Failure(Throwable error) implements Serializable {}

    /** The agent JVM: reads a task, runs it with the workspace, writes the result. */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) throws Exception {
            AgentTask<?> task;
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[1])))) {
                task = (AgentTask<?>) in.readObject();
            }
            Object result;
            try {
                result = task.run(Path.of(args[0]), line -> System.err.println(LOG + line));
            } catch (Exception e) {
                result = new Failure(e);
            }
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(Path.of(args[2])))) {
                out.writeObject(result);
            }
            System.exit(0);
        }
    }
}
