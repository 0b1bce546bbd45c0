package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionsContextTest {

    private static final String TOKEN = "ghs_abcdefSECRETtoken";

    private static Map<String, String> runner() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_ACTOR", "octocat");
        env.put("GITHUB_SERVER_URL", "https://ghe.example.com");
        env.put("GITHUB_API_URL", "https://ghe.example.com/api/v3");
        env.put("GITHUB_REPOSITORY", "acme/shop");
        env.put("GITHUB_RUN_ID", "77");
        env.put("GITHUB_RUN_ATTEMPT", "2");
        env.put("GITHUB_SHA", "a84d88e7");
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_WORKFLOW", "deploy");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_OUTPUT", "/tmp/out");
        env.put("GITHUB_STEP_SUMMARY", "/tmp/summary");
        return env;
    }

    @Test
    void shouldReadTheDefaultVariables() {
        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(runner()));

        assertThat(context.inActions()).isTrue();
        assertThat(context.actor()).isEqualTo("octocat");
        assertThat(context.repository()).isEqualTo("acme/shop");
        assertThat(context.sha()).isEqualTo("a84d88e7");
        assertThat(context.ref()).isEqualTo("refs/heads/main");
        assertThat(context.workflow()).isEqualTo("deploy");
        assertThat(context.eventName()).isEqualTo("push");
        assertThat(context.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
        assertThat(context.runUrl()).contains("https://ghe.example.com/acme/shop/actions/runs/77/attempts/2");
        assertThat(context.outputFile()).contains(Path.of("/tmp/out"));
        assertThat(context.summaryFile()).contains(Path.of("/tmp/summary"));
        assertThat(context.environmentFile()).isEmpty();
    }

    @Test
    void shouldFallBackToDefaultsOutsideActions() {
        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(Map.of("USER", "dev")));

        assertThat(context.inActions()).isFalse();
        assertThat(context.actor()).isEqualTo("dev");
        assertThat(context.serverUrl()).isEqualTo("https://github.com");
        assertThat(context.apiUrl()).isEqualTo("https://api.github.com");
        assertThat(context.runUrl()).isEmpty();
        assertThat(context.runAttempt()).isEqualTo("1");
    }

    @Test
    void shouldReadInputsWithTheRunnersManglingKeepingHyphens() {
        Map<String, String> env = runner();
        env.put("INPUT_GITHUB-TOKEN", TOKEN);
        env.put("INPUT_SPEC_FILE", " release-pilot.yml ");
        env.put("INPUT_JAVA_HOME", "/opt/jdk");
        env.put("INPUT_EMPTY", "   ");

        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        assertThat(context.input("github-token")).contains(TOKEN);
        assertThat(context.input("spec file")).contains("release-pilot.yml");
        assertThat(context.input("java-home"))
                .as("underscore spelling accepted")
                .contains("/opt/jdk");
        assertThat(context.input("empty")).isEmpty();
        assertThat(context.token()).contains(TOKEN);
    }

    @Test
    void shouldPreferNonBlankValuesFromRpInputs() {
        Map<String, String> env = runner();
        env.put("INPUT_ENVIRONMENT", "staging");
        env.put("INPUT_SPEC", "from-input.yml");
        env.put(
                "RP_INPUTS",
                "{\"spec\":\"from-json.yml\",\"environment\":\"\",\"dry-run\":true,\"steps\":[5,25],\"missing\":null}");

        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        assertThat(context.input("spec")).contains("from-json.yml");
        assertThat(context.input("environment"))
                .as("blank JSON value keeps INPUT_")
                .contains("staging");
        assertThat(context.booleanInput("dry-run")).contains(true);
        assertThat(context.input("steps")).contains("[5,25]");
        assertThat(context.input("missing")).isEmpty();
    }

    @Test
    void shouldParseBooleansStrictlyAndMultilineInputs() {
        Map<String, String> env = runner();
        env.put("INPUT_A", "True");
        env.put("INPUT_B", "FALSE");
        env.put("INPUT_C", "yes");
        env.put("INPUT_LIST", "one\n\n  two \r\nthree");

        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        assertThat(context.booleanInput("a")).contains(true);
        assertThat(context.booleanInput("b")).contains(false);
        assertThat(context.booleanInput("none")).isEmpty();
        assertThatThrownBy(() -> context.booleanInput("c"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'c'");
        assertThat(context.multilineInput("list")).containsExactly("one", "two", "three");
        assertThatThrownBy(() -> context.requiredInput("spec")).hasMessageContaining("input 'spec' is required");
    }

    @Test
    void shouldRejectMalformedRpInputsWithoutQuotingIt() {
        Map<String, String> env = runner();
        env.put("RP_INPUTS", "{\"github-token\":\"" + TOKEN + "\"");

        assertThatThrownBy(() -> ActionsContext.from(RunnerEnvironment.of(env)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_INPUTS")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        env.put("RP_INPUTS", "[1,2]");
        assertThatThrownBy(() -> ActionsContext.from(RunnerEnvironment.of(env))).hasMessageContaining("JSON object");
    }

    @Test
    void shouldCollectSecretsAndKeepThemOutOfToString() {
        Map<String, String> env = runner();
        env.put("GITHUB_TOKEN", "ghs_fromEnvironment");
        env.put("RP_INPUTS", "{\"github-token\":\"" + TOKEN + "\",\"db-password\":\"hunter2\",\"spec\":\"a.yml\"}");
        env.put("RP_NATS_TOKEN", "nats-secret");

        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        assertThat(context.secrets()).containsExactlyInAnyOrder(TOKEN, "hunter2", "ghs_fromEnvironment", "nats-secret");
        assertThat(context.token()).as("the input wins over GITHUB_TOKEN").contains(TOKEN);
        assertThat(context.toString()).doesNotContain(TOKEN, "hunter2", "ghs_fromEnvironment");
        assertThat(RunnerEnvironment.of(env).toString()).doesNotContain(TOKEN, "ghs_fromEnvironment");
    }

    @Test
    void shouldTakeTheApiUrlInputOverTheEnvironment() {
        Map<String, String> env = runner();
        env.put("INPUT_GITHUB-API-URL", "https://mirror.example.com/api/v3/");

        ActionsContext context = ActionsContext.from(RunnerEnvironment.of(env));

        assertThat(context.effectiveApiUrl()).isEqualTo("https://mirror.example.com/api/v3");
        assertThat(ActionsContext.from(RunnerEnvironment.of(runner())).effectiveApiUrl())
                .isEqualTo("https://ghe.example.com/api/v3");
        assertThat(List.of(ActionsContext.key("foo bar-baz"))).containsExactly("FOO_BAR-BAZ");
    }
}
