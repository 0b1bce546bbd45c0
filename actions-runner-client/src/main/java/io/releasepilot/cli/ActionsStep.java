package io.releasepilot.cli;

import io.releasepilot.cli.actions.ActionsContext;
import io.releasepilot.cli.actions.ActionsRuntime;
import io.releasepilot.cli.actions.Annotation;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.cli.github.GitHubException;
import io.releasepilot.cli.github.GitHubFacade;
import io.releasepilot.cli.github.GitHubSettings;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.Finding;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The reporting commands' side of the GitHub runner contract: inside Actions it masks every secret before anything is
 * printed, writes outputs and the job summary, prints annotations and log groups, and opens the GitHub API when a
 * token and a repository are known. Outside Actions every call is a no-op (groups run their body unchanged), so the
 * commands keep one code path. A GitHub API failure becomes a warning annotation and never changes the command's
 * exit code: the release (or verdict) is the result that matters, and it is already in the ledger.
 */
final class ActionsStep implements AutoCloseable {
    private final ActionsContext context;
    private final @Nullable ActionsRuntime runtime;
    private final PrintWriter out;
    private @Nullable GitHubFacade github;
    private boolean githubTried;

    private ActionsStep(ActionsContext context, @Nullable ActionsRuntime runtime, PrintWriter out) {
        this.context = context;
        this.runtime = runtime;
        this.out = out;
    }

    /** Opens the step for a command: call it before the command prints anything (the masks must come first). */
    static ActionsStep open(CommandLine.Model.CommandSpec spec) {
        RunnerEnvironment environment = ((ReleasePilotCli) spec.root().userObject()).environment();
        ActionsContext context = ActionsContext.from(environment);
        PrintWriter out = spec.commandLine().getOut();
        ActionsRuntime runtime = context.inActions() ? ActionsRuntime.start(context, out) : null;
        return new ActionsStep(context, runtime, out);
    }

    boolean active() {
        return runtime != null;
    }

    ActionsContext context() {
        return context;
    }

    void output(String name, @Nullable String value) {
        if (runtime != null) {
            runtime.setOutput(name, value == null ? "" : value);
        }
    }

    void summary(String markdown) {
        if (runtime != null) {
            runtime.appendSummary(markdown.endsWith("\n") ? markdown : markdown + "\n");
        }
    }

    void annotate(Annotation annotation) {
        if (runtime != null) {
            runtime.annotate(annotation);
        }
    }

    void annotate(Finding finding) {
        Annotation.Level level = switch (finding.level()) {
            case ERROR -> Annotation.Level.ERROR;
            case WARNING -> Annotation.Level.WARNING;
            case NOTICE -> Annotation.Level.NOTICE;
        };
        annotate(new Annotation(level, finding.message(), finding.title(), finding.file(), finding.line(), null));
    }

    void warning(String message) {
        if (runtime != null) {
            runtime.annotate(Annotation.warning(message).withTitle("Release Pilot"));
        } else {
            out.println("warning: " + message);
            out.flush();
        }
    }

    /** Runs {@code body} inside a collapsible log group on a runner; outside Actions it just runs it. */
    <T> T group(String title, Supplier<T> body) {
        return runtime == null ? body.get() : runtime.group(title, body);
    }

    /** The run's page, for deployment statuses and the ledger. */
    Optional<String> runUrl() {
        return context.runUrl();
    }

    /**
     * The GitHub API, when this is an Actions step with a token and a repository; empty otherwise. A bad setting
     * (e.g. a malformed API URL) is reported as a warning, not as a failed release.
     */
    Optional<GitHubFacade> github() {
        if (!githubTried) {
            githubTried = true;
            if (runtime != null
                    && context.token().isPresent()
                    && !context.repository().isBlank()) {
                try {
                    github = GitHubFacade.connect(GitHubSettings.from(context));
                } catch (InvalidInputException | GitHubException e) {
                    warning("GitHub API not used: " + e.getMessage());
                }
            }
        }
        return Optional.ofNullable(github);
    }

    /** Runs one GitHub call; a failure becomes a warning annotation and an empty result. */
    <T> Optional<T> call(String what, Supplier<T> body) {
        try {
            return Optional.ofNullable(body.get());
        } catch (RuntimeException e) {
            warning("GitHub API: cannot " + what + " (the release result is unaffected): " + e.getMessage());
            return Optional.empty();
        }
    }

    void run(String what, Runnable body) {
        call(what, () -> {
            body.run();
            return Boolean.TRUE;
        });
    }

    @Override
    public void close() {
        if (github != null) {
            github.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
