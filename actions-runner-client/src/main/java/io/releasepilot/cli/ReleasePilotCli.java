package io.releasepilot.cli;

import io.releasepilot.cli.actions.ActionsContext;
import io.releasepilot.cli.actions.ActionsDefaultValueProvider;
import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.InfrastructureException;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code release-pilot} command: the GitHub Actions step runner and the operator's CLI. Glue only: each
 * subcommand turns its flags and the runner's environment into calls on shared-lib.
 */
@Command(
        name = "release-pilot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Release management for CI: quality gates, blue-green cutover, canary promotion, rollback.",
        subcommands = {
            ValidateCommand.class,
            GateCommand.class,
            CanaryCommand.class,
            BlueGreenCommand.class,
            PromoteCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            AbortCommand.class,
            RollbackCommand.class,
            StatusCommand.class,
            EventsCommand.class,
            NotifyCommand.class,
            NotificationsCommand.class,
            ReportCommand.class,
            VersionCommand.class,
            ChangelogCommand.class,
            DoraCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success, or the gate passed",
            "1:a gate failed, or the release was rolled back",
            "2:bad input or usage",
            "3:infrastructure error (a service was unreachable)"
        })
public final class ReleasePilotCli implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunnerEnvironment environment;

    ReleasePilotCli(RunnerEnvironment environment) {
        this.environment = environment;
    }

    /** The process environment, read once by {@link #main}; subcommands reach it through {@code @ParentCommand}. */
    public RunnerEnvironment environment() {
        return environment;
    }

    /** The process environment as seen from any (nested) subcommand. */
    static Map<String, String> environmentOf(CommandLine.Model.CommandSpec spec) {
        return ((ReleasePilotCli) spec.root().userObject()).environment().variables();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'release-pilot --help'");
    }

    public static void main(String[] args) {
        // The one place that reads the process environment (house-style 4.12).
        RunnerEnvironment environment = RunnerEnvironment.of(System.getenv());
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(environment, new PrintWriter(System.out, true), err, args);
        } catch (LinkageError | VirtualMachineError error) {
            // picocli hands only Exceptions to the handler; a broken installation must not end in a bare stack trace.
            err.println("internal error: " + error + " (the release-pilot jar may be incomplete; rebuild it with "
                    + "RP_REBUILD=1 ./release-pilot --version)");
            code = ExitCode.INFRASTRUCTURE.code();
        }
        System.exit(code);
    }

    /**
     * Runs one command line as a GitHub Actions step would: the action's inputs ({@code RP_INPUTS}, {@code INPUT_*})
     * supply the defaults of options with the same long name.
     */
    public static int run(RunnerEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(environment);
        try {
            commandLine.setDefaultValueProvider(new ActionsDefaultValueProvider(ActionsContext.from(environment)));
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** Runs one command line with the given streams and returns its exit code; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(RunnerEnvironment.of(Map.of()));
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(RunnerEnvironment environment) {
        CommandLine commandLine = new CommandLine(new ReleasePilotCli(environment));
        commandLine.setExitCodeExceptionMapper(ReleasePilotCli::exitCodeOf);
        commandLine.setExecutionExceptionHandler(ReleasePilotCli::handleExecutionException);
        commandLine.setParameterExceptionHandler(ReleasePilotCli::handleParameterException);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.BAD_INPUT.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.INFRASTRUCTURE.code());
        return commandLine;
    }

    static int exitCodeOf(Throwable error) {
        if (error instanceof InvalidInputException || error instanceof CommandLine.ParameterException) {
            return ExitCode.BAD_INPUT.code();
        }
        return ExitCode.INFRASTRUCTURE.code();
    }

    private static int handleParameterException(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + error.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCode.BAD_INPUT.code();
    }

    private static int handleExecutionException(
            Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = parseResult.hasMatchedOption("--debug")
                || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
        if (error instanceof InvalidInputException) {
            err.println("error: " + error.getMessage());
        } else if (error instanceof InfrastructureException) {
            err.println("infrastructure error: " + error.getMessage());
        } else if (error instanceof ReleasePilotException) {
            err.println("error: " + error.getMessage());
        } else {
            err.println("internal error: " + error + " (run again with --debug for the stack trace)");
        }
        if (debug) {
            error.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(error);
    }
}
