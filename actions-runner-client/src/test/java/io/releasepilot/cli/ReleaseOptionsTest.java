package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.cli.actions.RunnerEnvironment;
import io.releasepilot.core.state.Actor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The release commands share their options through one mixin, and every command one output-format enum. */
class ReleaseOptionsTest {

    private static CommandLine command(String name) {
        return ReleasePilotCli.commandLine(RunnerEnvironment.of(Map.of()))
                .getSubcommands()
                .get(name);
    }

    @ParameterizedTest
    @CsvSource({
        "canary, true, false",
        "bluegreen, true, false",
        "promote, true, true",
        "pause, true, true",
        "resume, true, true",
        "abort, true, true",
        "rollback, true, true",
        "status, false, false"
    })
    void shouldDeclareTheReleaseOptionsOnceForEveryReleaseCommand(String name, boolean actor, boolean reason) {
        CommandLine.Model.CommandSpec spec = command(name).getCommandSpec();

        assertThat(spec.findOption("--spec").required()).isTrue();
        assertThat(spec.findOption("--environment").required()).isTrue();
        assertThat(spec.findOption("--format").defaultValue()).isEqualTo("text");
        assertThat(spec.findOption("--actor") != null).isEqualTo(actor);
        OptionSpec why = spec.findOption("--reason");
        assertThat(why != null && why.required()).isEqualTo(reason);
        assertThat(spec.mixins()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary", "status", "rollback", "validate", "events"})
    void shouldOfferOnlyTextAndJsonWhereThereIsNoMarkdown(String name) {
        ReleasePilotCliTest.Result result = ReleasePilotCliTest.run(name, "--format", "markdown");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .contains("Invalid value for option '--format': expected one of [text, json] (case-sensitive) but"
                        + " was 'markdown'");
        assertThat(command(name).getCommandSpec().findOption("--format").completionCandidates())
                .containsExactly("text", "json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gate", "dora"})
    void shouldOfferMarkdownWhereACommandRendersIt(String name) {
        assertThat(command(name).getCommandSpec().findOption("--format").completionCandidates())
                .containsExactly("text", "json", "markdown");
    }

    @ParameterizedTest
    @CsvSource({
        "'', USER=carol, carol (self-asserted), ''",
        "dave, USER=carol, dave (self-asserted), ''",
        "'', '', release-pilot (self-asserted), ''"
    })
    void shouldTakeTheActorFromTheOptionElseTheUser(String option, String env, String name, String url) {
        ReleaseOptions.Acting options = new ReleaseOptions.Acting();
        options.actor = option;
        Map<String, String> variables = env.isEmpty() ? Map.of() : Map.of(env.split("=")[0], env.split("=")[1]);

        Actor actor = options.actor(variables);

        assertThat(actor.name()).isEqualTo(name);
        assertThat(actor.ciRunUrl()).isEqualTo(url.isEmpty() ? null : url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "octocat"})
    void shouldActAsTheGitHubActorFromTheRun(String option) {
        ReleaseOptions.Acting options = new ReleaseOptions.Acting();
        options.actor = option;
        Map<String, String> runner = Map.of(
                "GITHUB_ACTOR", "octocat",
                "USER", "runner",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_RUN_ID", "77",
                "GITHUB_SHA", "abc123");

        Actor actor = options.actor(runner);

        assertThat(actor.name()).isEqualTo("octocat");
        assertThat(actor.ciRunUrl()).isEqualTo("https://github.com/acme/shop/actions/runs/77");
        assertThat(ReleaseOptions.Acting.commitSha(runner)).isEqualTo("abc123");
        assertThat(ReleaseOptions.Acting.commitSha(Map.of())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"canary", "promote", "rollback", "status"})
    void shouldKeepTheHelpOfTheSharedOptions(String name) {
        ReleasePilotCliTest.Result result = ReleasePilotCliTest.run(name, "--help");

        assertThat(result.out())
                .contains("--spec=FILE", "release-pilot.yml")
                .contains("--environment=<environment>", "declared in the spec")
                .contains("--format=<format>", "text or json (default: text)");
        for (String option : List.of("--actor", "--reason")) {
            if (command(name).getCommandSpec().findOption(option) != null) {
                assertThat(result.out()).contains(option + "=<" + option.substring(2) + ">");
            }
        }
    }
}
