package io.releasepilot.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the workflows under .github/workflows against the actions and reusable workflows they call: every reference
 * resolves to a file in this repository, every {@code with:} key is a declared input and every required input is given.
 */
class WorkflowFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final String ACTION_PREFIX = "release-pilot/release-pilot/workflows/";
    private static final String WORKFLOW_PREFIX = "release-pilot/release-pilot/.github/workflows/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The keys GitHub documents for jobs.<job_id>.environment, each with the page that documents it. */
    private static final Map<String, String> ENVIRONMENT_KEYS = Map.of(
            "name",
            "https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax",
            "url",
            "https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax",
            "deployment",
            "https://docs.github.com/en/actions/how-tos/deploy/configure-and-manage-deployments/control-deployments"
                    + "#using-environments-without-deployments");

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private static List<Path> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void shouldOfferReusableGateAndCanaryWorkflowsBesideCiAndRelease() throws IOException {
        assertThat(workflowFiles())
                .extracting(f -> f.getFileName().toString())
                .contains(
                        "ci.yml",
                        "release.yml",
                        "release-pilot-gate.yml",
                        "release-pilot-canary.yml",
                        "release-pilot-starter.yml");
        for (String reusable : List.of("release-pilot-gate.yml", "release-pilot-canary.yml")) {
            assertThat(read(WORKFLOWS.resolve(reusable)).path("on").has("workflow_call"))
                    .as(reusable)
                    .isTrue();
        }
    }

    @Test
    void shouldResolveEveryReferenceAndPassOnlyDeclaredInputs() throws IOException {
        int checked = 0;
        for (Path file : workflowFiles()) {
            for (Iterator<Map.Entry<String, JsonNode>> jobs =
                            read(file).path("jobs").fields();
                    jobs.hasNext(); ) {
                Map.Entry<String, JsonNode> job = jobs.next();
                List<JsonNode> callers = new ArrayList<>();
                callers.add(job.getValue());
                job.getValue().path("steps").forEach(callers::add);
                for (JsonNode caller : callers) {
                    String uses = caller.path("uses").asText();
                    JsonNode declared = null;
                    if (uses.startsWith(ACTION_PREFIX)) {
                        Path action = ROOT.resolve("workflows")
                                .resolve(name(uses, ACTION_PREFIX))
                                .resolve("action.yml");
                        assertThat(action).as(file + " " + uses).exists();
                        declared = read(action).path("inputs");
                    } else if (uses.startsWith(WORKFLOW_PREFIX) || uses.startsWith("./.github/workflows/")) {
                        String target = uses.startsWith("./")
                                ? uses.substring("./.github/workflows/".length())
                                : name(uses, WORKFLOW_PREFIX);
                        Path workflow = WORKFLOWS.resolve(target);
                        assertThat(workflow).as(file + " " + uses).exists();
                        declared =
                                read(workflow).path("on").path("workflow_call").path("inputs");
                    }
                    if (declared == null) {
                        continue;
                    }
                    checked++;
                    Set<String> given = new HashSet<>();
                    caller.path("with").fieldNames().forEachRemaining(given::add);
                    Set<String> known = new HashSet<>();
                    declared.fieldNames().forEachRemaining(known::add);
                    assertThat(known)
                            .as("%s job %s passes only declared inputs to %s", file.getFileName(), job.getKey(), uses)
                            .containsAll(given);
                    for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> input = it.next();
                        if (input.getValue().path("required").asBoolean(false)
                                && !input.getValue().has("default")) {
                            assertThat(given)
                                    .as("%s gives required input %s to %s", file.getFileName(), input.getKey(), uses)
                                    .contains(input.getKey());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("references checked").isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldChainTheStarterPipelineFromBuildToProduction() throws IOException {
        JsonNode jobs = read(WORKFLOWS.resolve("release-pilot-starter.yml")).path("jobs");

        assertThat(jobs.path("gate").path("needs").asText()).isEqualTo("build");
        assertThat(jobs.path("canary-staging").path("needs").asText()).isEqualTo("gate");
        assertThat(jobs.path("canary-staging").path("with").path("environment").asText())
                .isEqualTo("staging");
        assertThat(jobs.path("canary-production").path("needs").asText()).isEqualTo("canary-staging");
        assertThat(jobs.path("canary-production")
                        .path("with")
                        .path("environment")
                        .asText())
                .isEqualTo("production");
        JsonNode canaryJob =
                read(WORKFLOWS.resolve("release-pilot-canary.yml")).path("jobs").path("canary");
        assertThat(canaryJob.path("environment").path("name").asText())
                .as("the approval environment")
                .contains("inputs.");
        assertThat(canaryJob.path("environment").path("deployment").asBoolean(true))
                .isFalse();
    }

    @Test
    void shouldGiveJobEnvironmentsOnlyTheDocumentedKeys() throws IOException {
        int environments = 0;
        for (Path file : workflowFiles()) {
            for (Iterator<Map.Entry<String, JsonNode>> jobs =
                            read(file).path("jobs").fields();
                    jobs.hasNext(); ) {
                Map.Entry<String, JsonNode> job = jobs.next();
                JsonNode environment = job.getValue().path("environment");
                if (!environment.isObject()) {
                    continue;
                }
                environments++;
                Set<String> keys = new HashSet<>();
                environment.fieldNames().forEachRemaining(keys::add);
                assertThat(keys)
                        .as("%s job %s: jobs.<job_id>.environment keys", file.getFileName(), job.getKey())
                        .isSubsetOf(ENVIRONMENT_KEYS.keySet());
            }
        }
        assertThat(environments).as("jobs with an environment object").isPositive();
    }

    @Test
    void shouldCiteGitHubsDocumentationNextToEveryDeploymentKey() throws IOException {
        int cited = 0;
        for (Path file : workflowFiles()) {
            List<String> lines = Files.readAllLines(file);
            int environmentIndent = -1; // the indent of the enclosing "environment:" block, -1 outside one
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int indent = line.length() - line.stripLeading().length();
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (environmentIndent >= 0 && indent <= environmentIndent) {
                    environmentIndent = -1;
                }
                if (line.strip().equals("environment:")) {
                    environmentIndent = indent;
                    continue;
                }
                if (environmentIndent < 0 || !line.strip().startsWith("deployment:")) {
                    continue;
                }
                int first = i;
                while (first > 0 && lines.get(first - 1).strip().startsWith("#")) {
                    first--;
                }
                assertThat(String.join("\n", lines.subList(first, i)))
                        .as("%s:%d: the comment above 'deployment:' cites the docs", file.getFileName(), i + 1)
                        .contains(ENVIRONMENT_KEYS.get("deployment"));
                cited++;
            }
        }
        assertThat(cited).as("deployment keys found").isPositive();
    }

    @Test
    void shouldCommitTheJarIntoEveryActionFolderInTheReleaseWorkflow() throws IOException {
        String release = Files.readString(WORKFLOWS.resolve("release.yml"));

        assertThat(release)
                .contains("workflows/*/action.yml")
                .contains("release-pilot.jar")
                .contains("git add -f workflows/*/release-pilot.jar")
                .contains("git tag -a \"v$VERSION\"")
                .contains("gh release create");
    }

    private static String name(String uses, String prefix) {
        String rest = uses.substring(prefix.length());
        return rest.contains("@") ? rest.substring(0, rest.indexOf('@')) : rest;
    }

    @Test
    void shouldFeedTheLedgerDatabaseFromSecretsWhereverAnActionOrReusableWorkflowIsCalled() throws IOException {
        int actionCalls = 0;
        int workflowCalls = 0;
        for (Path file : workflowFiles()) {
            JsonNode workflow = read(file);
            for (Iterator<Map.Entry<String, JsonNode>> jobs =
                            workflow.path("jobs").fields();
                    jobs.hasNext(); ) {
                Map.Entry<String, JsonNode> job = jobs.next();
                String jobUses = job.getValue().path("uses").asText();
                if (jobUses.startsWith(WORKFLOW_PREFIX) || jobUses.startsWith("./.github/workflows/")) {
                    workflowCalls++;
                    assertThat(job.getValue().path("secrets").asText())
                            .as("%s job %s passes the ledger secrets on", file.getFileName(), job.getKey())
                            .isEqualTo("inherit");
                }
                for (JsonNode step : job.getValue().path("steps")) {
                    if (!step.path("uses").asText().startsWith(ACTION_PREFIX)) {
                        continue;
                    }
                    actionCalls++;
                    for (String part : new String[] {"url", "user", "password"}) {
                        String secret = "RP_DATABASE_" + part.toUpperCase(java.util.Locale.ROOT);
                        assertThat(step.path("with").path("database-" + part).asText())
                                .as("%s job %s: database-%s", file.getFileName(), job.getKey(), part)
                                .isEqualTo("${{ secrets." + secret + " }}");
                        assertThat(workflow.path("on")
                                        .path("workflow_call")
                                        .path("secrets")
                                        .path(secret)
                                        .path("required")
                                        .asBoolean(true))
                                .as("%s declares the optional secret %s", file.getFileName(), secret)
                                .isFalse();
                    }
                    assertThat(step.path("with").path("ephemeral-ledger").asText())
                            .isEqualTo("${{ inputs.ephemeral-ledger }}");
                }
            }
        }
        assertThat(actionCalls).as("action calls checked").isGreaterThanOrEqualTo(2);
        assertThat(workflowCalls).as("reusable workflow calls checked").isGreaterThanOrEqualTo(3);
    }
}
