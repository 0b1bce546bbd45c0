package io.releasepilot.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.releasepilot.core.ReleasePilotException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jspecify.annotations.Nullable;

/**
 * Base of every Release Pilot step execution: asynchronous, so no executor or Pipeline thread waits on a release.
 * {@link #start} hands the work to {@link StepWorkers} and returns false; the worker reports through {@link
 * StepContext#onSuccess}/{@link StepContext#onFailure}. Only Strings and primitives are persisted with the program
 * state; clients and futures are transient. After a controller restart {@link #onResume} runs {@link #resume}
 * (rollouts continue from the ledger); a build abort interrupts the worker and calls {@link #stopped}.
 */
abstract class ReleaseStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /** Kept here too: the compile-only API cannot hold state, and this keeps the glue testable on a fake host. */
    private final StepContext context;

    private transient volatile @Nullable Future<?> work;

    ReleaseStepExecution(StepContext context) {
        super(context);
        this.context = context;
    }

    StepContext context() {
        return context;
    }

    /** Does the step's work on a worker thread, returns the step's return value. */
    protected abstract Object run(Host host) throws Exception;

    /** What to do on a worker thread after a controller restart; by default the work again (idempotent steps). */
    protected Object resume(Host host) throws Exception {
        return run(host);
    }

    /** The build was aborted while the step ran; by default nothing beyond the interrupt. */
    protected void stopped(Host host, String reason) throws Exception {}

    protected String describe() {
        return getClass().getSimpleName();
    }

    @Override
    public boolean start() {
        submit(false);
        return false;
    }

    @Override
    public void onResume() {
        submit(true);
    }

    @Override
    public void stop(Throwable cause) {
        Future<?> w = work;
        if (w != null) {
            w.cancel(true);
        }
        StepWorkers.POOL.submit(() -> {
            try {
                stopped(Host.of(context), String.valueOf(cause.getMessage()));
            } catch (Exception e) {
                log(context, "Release Pilot: stopping after the abort failed: " + e.getMessage());
            } finally {
                context.onFailure(cause);
            }
        });
    }

    @Override
    public String getStatus() {
        Future<?> w = work;
        return w == null ? "waiting to run" : w.isDone() ? "finished" : "running " + describe();
    }

    private void submit(boolean resumed) {
        work = StepWorkers.POOL.submit(() -> {
            try {
                Host host = Host.of(context);
                if (resumed) {
                    host.log("Release Pilot: Jenkins restarted, continuing " + describe());
                }
                Object value = resumed ? resume(host) : run(host);
                context.onSuccess(value);
            } catch (InterruptedException e) {
                // stop() reports the abort; nothing to add.
                Thread.currentThread().interrupt();
            } catch (ReleasePilotException e) {
                // The user's or the infrastructure's fault: the message says what to fix, a stack trace would not.
                context.onFailure(new AbortException("Release Pilot: " + e.getMessage()));
            } catch (Throwable t) {
                context.onFailure(t);
            }
        });
    }

    private static void log(StepContext context, String line) {
        try {
            TaskListener listener = context.get(TaskListener.class);
            if (listener != null) {
                listener.getLogger().println(line);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The Jenkins side of one step run: the build, its log, its agent, and the operations to call. */
    static final class Host {
        final StepContext context;
        final Run<?, ?> run;
        final TaskListener listener;
        final ReleaseHost host;
        final ReleaseOperations operations;

        private Host(StepContext context, Run<?, ?> run, TaskListener listener, ReleaseHost host)
                throws IOException, InterruptedException {
            this.context = context;
            this.run = run;
            this.listener = listener;
            this.host = host;
            this.operations = host.operations(run, buildVariables(context));
        }

        static Host of(StepContext context) throws IOException, InterruptedException {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            if (run == null || listener == null) {
                throw new AbortException("Release Pilot steps need a Pipeline build (no Run or TaskListener)");
            }
            // A host may supply itself (tests, embedders); Jenkins supplies none, so the running Jenkins.
            ReleaseHost host = context.get(ReleaseHost.class);
            return new Host(context, run, listener, host != null ? host : JenkinsReleaseHost.INSTANCE);
        }

        /**
         * The build's environment as the step sees it (what {@code withCredentials} and {@code environment {}} bound),
         * for the secrets the spec names by variable. Never the controller's process environment.
         */
        private static Map<String, String> buildVariables(StepContext context)
                throws IOException, InterruptedException {
            EnvVars env = context.get(EnvVars.class);
            return env == null ? Map.of() : Map.copyOf(env);
        }

        PrintStream logger() {
            return listener.getLogger();
        }

        void log(String line) {
            logger().println(line);
        }

        ProgressLog progress() {
            PrintStream out = logger();
            return line -> out.println("[release-pilot] " + line);
        }

        /**
         * The agent holding the build's workspace, where all the step's work runs. Without one the step refuses:
         * the controller never runs a release's processes or reads a workspace.
         */
        AgentWorkspace agent(String step) throws IOException, InterruptedException {
            AgentWorkspace agent = agentIfAny();
            if (agent == null) {
                throw new AbortException("Release Pilot: " + step + " runs on the agent that holds the workspace,"
                        + " never on the controller: run it inside node { … } (or a stage with an agent)");
            }
            return agent;
        }

        @Nullable
        AgentWorkspace agentIfAny() throws IOException, InterruptedException {
            AgentWorkspace agent = context.get(AgentWorkspace.class);
            if (agent != null) {
                return agent;
            }
            FilePath ws = context.get(FilePath.class);
            return ws == null ? null : new FilePathAgent(ws, listener);
        }

        /** The spec path the step names or the configured default, checked to stay inside the workspace. */
        String specPath(@Nullable String spec) {
            String s = Texts.trimToNull(spec);
            return WorkspacePaths.relative(s != null ? s : host.defaultSpecPath(), "spec path");
        }

        /** The job's full name ({@code folder/job}): Jenkins item names cannot contain '#'. */
        String job() {
            String id = run.getExternalizableId();
            int hash = id.lastIndexOf('#');
            return hash < 0 ? id : id.substring(0, hash);
        }

        /**
         * Decides on the controller, from the administrator's release rules only, whether this build's job may act on
         * the service in the environment; the service is the step's, or the spec's read on the agent. Throws with
         * the refusing rule; returns the service the agent must find in the spec again (null when nothing was
         * checked against the spec).
         */
        @Nullable
        String authorize(@Nullable AgentWorkspace agent, String specPath, @Nullable String service, String environment)
                throws IOException, InterruptedException {
            ReleaseAuthorization rules = host.authorization();
            if (!rules.needsService(environment)) {
                return null;
            }
            String name = service;
            if (name == null) {
                if (agent == null) {
                    throw new AbortException("Release Pilot: " + environment + " is governed by release rules: name"
                            + " the service (service: '…') or run the step inside node { } with the spec");
                }
                name = agent.call(new AgentTasks.SpecService(specPath));
            }
            ReleaseAuthorization.Decision d = rules.decide(job(), name, environment);
            if (!d.allowed()) {
                throw new AbortException("Release Pilot: " + d.explanation());
            }
            log("Release Pilot: " + d.explanation());
            return service == null ? name : null;
        }

        ReleaseContext releaseContext() {
            return ReleaseContexts.of(run, host);
        }

        void badge(ReleaseBadgeAction badge) {
            run.addOrReplaceAction(badge);
        }

        void summary(String title, String markdownReport) {
            run.addOrReplaceAction(
                    ReleaseSummaryAction.append(run.getAction(ReleaseSummaryAction.class), title, markdownReport));
        }
    }

    /** Builds the ledger context of a run: id, URL, the user who started it. */
    static final class ReleaseContexts {
        private ReleaseContexts() {}

        static ReleaseContext of(Run<?, ?> run, ReleaseHost host) {
            Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
            String actor = user == null || user.getUserId() == null ? "jenkins" : user.getUserId();
            return new ReleaseContext(run.getExternalizableId(), host.absoluteUrl(run.getUrl()), actor);
        }
    }
}
