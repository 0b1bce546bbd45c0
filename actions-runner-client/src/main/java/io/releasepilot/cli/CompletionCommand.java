package io.releasepilot.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints the bash (and zsh, through bashcompinit) completion script that picocli generates from the command tree, so
 * it always matches the commands and options of this build: {@code source <(release-pilot completion)}.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print the bash/zsh completion script.",
            "Use: source <(release-pilot completion), or save it to /etc/bash_completion.d/release-pilot."
        })
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandSpec root = spec.root();
        spec.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
        spec.commandLine().getOut().flush();
    }
}
