package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Jenkins shared library (workflows/jenkins/vars) calls the CLI jar: every command it runs must exist and every
 * flag it passes must be an option of that command, or the library breaks at the first build.
 */
class JenkinsSharedLibraryTest {
    private static final Pattern COMMAND = Pattern.compile("releasePilotCli\\('([a-z-]+)'");
    private static final Pattern FLAG = Pattern.compile("'(--[a-z-]+)'");

    @Test
    void shouldCallOnlyCommandsAndOptionsTheCliHas() throws Exception {
        Path vars = repositoryRoot().resolve("workflows/jenkins/vars");
        CommandLine cli =
                ReleasePilotCli.commandLine(io.releasepilot.cli.actions.RunnerEnvironment.of(java.util.Map.of()));
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(vars)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".groovy")).toList()) {
                String text = Files.readString(file);
                Matcher command = COMMAND.matcher(text);
                if (!command.find()) {
                    continue;
                }
                CommandLine sub = cli.getSubcommands().get(command.group(1));
                assertThat(sub)
                        .as(file.getFileName() + " calls '" + command.group(1) + "'")
                        .isNotNull();
                Matcher flag = FLAG.matcher(text);
                while (flag.find()) {
                    assertThat(sub.getCommandSpec().findOption(flag.group(1)))
                            .as(file.getFileName() + ": '" + command.group(1) + " " + flag.group(1) + "'")
                            .isNotNull();
                    checked.add(command.group(1) + " " + flag.group(1));
                }
            }
        }
        assertThat(checked).contains("gate --report", "gate --warning-exit-code", "canary --release-version");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("workflows/jenkins"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
