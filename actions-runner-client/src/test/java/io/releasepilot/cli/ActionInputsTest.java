package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.releasepilot.cli.actions.RunnerEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every input of an action is an option of the command it runs (inputs become option defaults by long name). */
class ActionInputsTest {

    /** Inputs the shell wrapper or the runner adapter consume, not the command. */
    private static final Set<String> RUNNER_INPUTS = Set.of(
            "java-home",
            "java-opts",
            "jar-url",
            "jar-sha256",
            "github-token",
            "github-api-url",
            "database-url",
            "database-user",
            "database-password");

    private static JsonNode action(String action) throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(WORKFLOWS.resolve(action).resolve("action.yml").toFile());
    }

    private static final Path WORKFLOWS =
            Path.of("").toAbsolutePath().getParent().resolve("workflows");

    @ParameterizedTest
    @CsvSource({"gate, gate", "canary, canary", "blue-green, bluegreen", "rollback, rollback", "promote, promote"})
    void shouldMapEveryInputToAnOptionAndCoverEveryRequiredOption(String action, String command) throws IOException {
        JsonNode definition = new ObjectMapper(new YAMLFactory())
                .readTree(WORKFLOWS.resolve(action).resolve("action.yml").toFile());
        CommandLine sub = ReleasePilotCli.commandLine(RunnerEnvironment.of(Map.of()))
                .getSubcommands()
                .get(command);
        List<String> inputs = new ArrayList<>();
        definition.path("inputs").fieldNames().forEachRemaining(inputs::add);

        for (String input : inputs) {
            if (!RUNNER_INPUTS.contains(input)) {
                assertThat(sub.getCommandSpec().findOption("--" + input))
                        .as("input %s of %s is option --%s of '%s'", input, action, input, command)
                        .isNotNull();
            }
        }
        for (OptionSpec option : sub.getCommandSpec().options()) {
            if (option.required()) {
                String name = option.longestName().substring(2);
                assertThat(inputs)
                        .as("required option %s of '%s' has an input in %s", name, command, action)
                        .contains(name);
                JsonNode input = definition.path("inputs").path(name);
                assertThat(input.path("required").asBoolean(false)
                                || !input.path("default").asText("").isEmpty())
                        .as("input %s of %s is required or has a default", name, action)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"gate", "canary", "blue-green", "rollback", "promote"})
    void shouldTakeTheLedgerDatabaseFromInputsFedBySecrets(String action) throws IOException {
        JsonNode definition = action(action);
        JsonNode env = definition.path("runs").path("steps").get(0).path("env");

        for (String part : new String[] {"url", "user", "password"}) {
            String input = "database-" + part;
            assertThat(definition.path("inputs").path(input).path("description").asText())
                    .as("%s input %s", action, input)
                    .contains("secret");
            assertThat(definition.path("inputs").path(input).path("required").asBoolean(true))
                    .isFalse();
            // The wrapper script masks it and exports RP_DATABASE_* only when it is set (a job env value stays).
            assertThat(env.path("RP_INPUT_DATABASE_" + part.toUpperCase(java.util.Locale.ROOT))
                            .asText())
                    .as("%s maps %s", action, input)
                    .isEqualTo("${{ inputs." + input + " }}");
        }
        assertThat(definition
                        .path("inputs")
                        .path("ephemeral-ledger")
                        .path("default")
                        .asText())
                .isEqualTo("false");
    }

    @org.junit.jupiter.api.Test
    void shouldKnowTheGateActionsDefaultSpec() throws IOException {
        assertThat(action("gate").path("inputs").path("spec").path("default").asText())
                .as("GateCommand falls back to the seed gates only for this value")
                .isEqualTo(GateCommand.ACTION_DEFAULT_SPEC);
    }
}
