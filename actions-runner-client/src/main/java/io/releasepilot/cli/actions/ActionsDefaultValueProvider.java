package io.releasepilot.cli.actions;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets an action's inputs supply the defaults of a command's options: option {@code --spec} takes input {@code spec},
 * {@code --github-token} takes {@code github-token}. A flag given on the command line still wins, and an option
 * without a matching input keeps its own default. So a composite action only passes {@code RP_INPUTS} and the command
 * name, and every command works the same in a terminal and on a runner.
 */
public final class ActionsDefaultValueProvider implements CommandLine.IDefaultValueProvider {

    private final ActionsContext context;

    public ActionsDefaultValueProvider(ActionsContext context) {
        this.context = context;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        // --help/--version are flags of the tool itself; an input named "version" must not switch them on.
        if (argSpec instanceof OptionSpec option
                && !option.usageHelp()
                && !option.versionHelp()
                && option.longestName().startsWith("--")) {
            return context.input(option.longestName().substring(2)).orElse(null);
        }
        return null;
    }
}
