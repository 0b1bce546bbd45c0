package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Walks the whole picocli command tree, so a command added later is checked without anyone listing it here: every
 * command answers {@code --help} with its usage, and every usage error points at a {@code --help} that works.
 */
class CommandTreeHelpTest {
    private static final Pattern RUN_HELP = Pattern.compile("Run '([^']+) --help' for usage\\.");

    @Test
    void shouldFindEveryCommandOfTheTree() {
        assertThat(commandPaths().keySet())
                .contains(
                        List.of(),
                        List.of("serve"),
                        List.of("dora"),
                        List.of("version"),
                        List.of("version", "next"),
                        List.of("version", "tag"),
                        List.of("changelog"),
                        List.of("completion"),
                        List.of("help"))
                .hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "release-pilot {0} --help")
    @MethodSource("commands")
    void shouldPrintUsageAndExitZeroForHelp(String name, List<String> path) {
        Result result = run(path, "--help");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Usage: " + qualifiedName(path));
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest(name = "release-pilot {0} -h")
    @MethodSource("commands")
    void shouldPrintUsageAndExitZeroForTheShortHelpOption(String name, List<String> path) {
        Result result = run(path, "-h");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Usage: " + qualifiedName(path));
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest(name = "release-pilot {0} --no-such-option")
    @MethodSource("commandsThatRejectUnknownOptions")
    void shouldPointAUsageErrorAtAHelpThatWorks(String name, List<String> path) {
        Result error = run(path, "--no-such-option-zz");

        assertThat(error.code()).isEqualTo(2);
        Matcher hint = RUN_HELP.matcher(error.err());
        assertThat(hint.find()).as(error.err()).isTrue();
        List<String> suggested = Arrays.asList(hint.group(1).split(" "));
        assertThat(suggested.get(0)).isEqualTo("release-pilot");

        Result help = run(suggested.subList(1, suggested.size()), "--help");

        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: " + hint.group(1));
    }

    static Stream<Arguments> commands() {
        return commandPaths().entrySet().stream()
                .map(command -> Arguments.of(String.join(" ", command.getKey()), command.getKey()));
    }

    static Stream<Arguments> commandsThatRejectUnknownOptions() {
        // picocli's own help command reads any argument as a command name and prints the root usage for "--x".
        return commandPaths().entrySet().stream()
                .filter(command -> !(command.getValue().userObject() instanceof CommandLine.HelpCommand))
                .map(command -> Arguments.of(String.join(" ", command.getKey()), command.getKey()));
    }

    /** Every command by its path below the root (the root itself is the empty path), each command once. */
    static Map<List<String>, CommandSpec> commandPaths() {
        CommandSpec root =
                ReleasePilotCli.commandLine(RunnerEnvironment.of(Map.of())).getCommandSpec();
        Map<List<String>, CommandSpec> paths = new LinkedHashMap<>();
        collect(root, List.of(), Collections.newSetFromMap(new IdentityHashMap<>()), paths);
        return paths;
    }

    private static void collect(
            CommandSpec spec, List<String> path, Set<CommandSpec> seen, Map<List<String>, CommandSpec> paths) {
        if (!seen.add(spec)) {
            return; // an alias of a command already visited
        }
        paths.put(path, spec);
        for (CommandLine sub : spec.subcommands().values()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandSpec().name());
            collect(sub.getCommandSpec(), List.copyOf(subPath), seen, paths);
        }
    }

    private static String qualifiedName(List<String> path) {
        return Stream.concat(Stream.of("release-pilot"), path.stream())
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
    }

    private static Result run(List<String> path, String option) {
        List<String> args = new ArrayList<>(path);
        args.add(option);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleasePilotCli.run(
                new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
