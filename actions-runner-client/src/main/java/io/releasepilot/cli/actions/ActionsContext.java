package io.releasepilot.cli.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a step learns from the runner, parsed once at the entry point: the action's inputs (from the
 * {@code RP_INPUTS} JSON object that composite actions pass, and from {@code INPUT_*} variables) and the default
 * {@code GITHUB_*}/{@code RUNNER_*} variables. Nothing after the entry point reads the environment.
 *
 * <p>Input names follow the runner's mangling: upper case, spaces to {@code _}, hyphens kept ({@code github-token}
 * arrives as {@code INPUT_GITHUB-TOKEN}); the underscore spelling is accepted too because some runners and wrappers use
 * it. Values are trimmed and a blank value counts as unset, as in {@code @actions/core}.
 *
 * @param inputs input values by mangled name (see {@link #key(String)}); blank values are dropped
 * @param inActions whether the process runs as a GitHub Actions step ({@code GITHUB_ACTIONS=true})
 * @param actor who started the run ({@code GITHUB_ACTOR}, else the local user)
 * @param serverUrl {@code GITHUB_SERVER_URL}, default {@code https://github.com}
 * @param apiUrl {@code GITHUB_API_URL}, default {@code https://api.github.com}; on GHES {@code https://HOST/api/v3}
 * @param repository {@code owner/name}, or "" outside Actions
 * @param runId {@code GITHUB_RUN_ID}, or ""
 * @param runAttempt {@code GITHUB_RUN_ATTEMPT}, default "1"
 * @param sha {@code GITHUB_SHA}, or ""
 * @param ref {@code GITHUB_REF}, or ""
 * @param workflow {@code GITHUB_WORKFLOW}, or ""
 * @param job {@code GITHUB_JOB}, or ""
 * @param eventName {@code GITHUB_EVENT_NAME}, or ""
 * @param environmentToken {@code GITHUB_TOKEN} from the environment, or ""
 * @param outputFile {@code GITHUB_OUTPUT}
 * @param environmentFile {@code GITHUB_ENV}
 * @param summaryFile {@code GITHUB_STEP_SUMMARY}
 * @param eventFile {@code GITHUB_EVENT_PATH}
 * @param debug whether step debug logging is on ({@code RUNNER_DEBUG=1})
 * @param extraSecrets further secret values from the environment that must be masked
 */
public record ActionsContext(
        Map<String, String> inputs,
        boolean inActions,
        String actor,
        String serverUrl,
        String apiUrl,
        String repository,
        String runId,
        String runAttempt,
        String sha,
        String ref,
        String workflow,
        String job,
        String eventName,
        String environmentToken,
        Optional<Path> outputFile,
        Optional<Path> environmentFile,
        Optional<Path> summaryFile,
        Optional<Path> eventFile,
        boolean debug,
        List<String> extraSecrets) {

    /** The variable composite actions set to {@code ${{ toJSON(inputs) }}}. */
    public static final String INPUTS_VARIABLE = "RP_INPUTS";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(TOKEN|PASSWORD|SECRET|PRIVATE-KEY|PRIVATE_KEY|API-KEY|API_KEY|CREDENTIAL).*");

    public ActionsContext {
        inputs = Map.copyOf(inputs);
        // List.of rejects nulls: every text component is "" rather than null when the runner did not set it.
        List.of(actor, serverUrl, apiUrl, repository, runId, runAttempt, sha, ref, workflow, job, eventName);
        Objects.requireNonNull(environmentToken, "environmentToken");
        extraSecrets = List.copyOf(extraSecrets);
    }

    /** Parses the runner's environment; the only place that knows the variable names. */
    public static ActionsContext from(RunnerEnvironment env) {
        Map<String, String> inputs = new LinkedHashMap<>();
        env.variables().forEach((name, value) -> {
            if (name.startsWith("INPUT_") && !value.isBlank()) {
                inputs.put(name.substring("INPUT_".length()).toUpperCase(Locale.ROOT), value.trim());
            }
        });
        env.get(INPUTS_VARIABLE).ifPresent(json -> inputs.putAll(parseInputsJson(json)));
        List<String> extraSecrets = new ArrayList<>();
        env.variables().forEach((name, value) -> {
            if (name.startsWith("RP_") && !name.equals(INPUTS_VARIABLE) && isSecretName(name) && !value.isBlank()) {
                extraSecrets.add(value);
            }
        });
        return new ActionsContext(
                inputs,
                env.isGitHubActions(),
                env.get("GITHUB_ACTOR").orElseGet(() -> env.get("USER", "unknown")),
                stripSlash(env.get("GITHUB_SERVER_URL", "https://github.com")),
                stripSlash(env.get("GITHUB_API_URL", "https://api.github.com")),
                env.get("GITHUB_REPOSITORY", ""),
                env.get("GITHUB_RUN_ID", ""),
                env.get("GITHUB_RUN_ATTEMPT", "1"),
                env.get("GITHUB_SHA", ""),
                env.get("GITHUB_REF", ""),
                env.get("GITHUB_WORKFLOW", ""),
                env.get("GITHUB_JOB", ""),
                env.get("GITHUB_EVENT_NAME", ""),
                env.get("GITHUB_TOKEN", ""),
                env.get("GITHUB_OUTPUT").map(Path::of),
                env.get("GITHUB_ENV").map(Path::of),
                env.get("GITHUB_STEP_SUMMARY").map(Path::of),
                env.get("GITHUB_EVENT_PATH").map(Path::of),
                "1".equals(env.get("RUNNER_DEBUG", "")),
                extraSecrets);
    }

    private static Map<String, String> parseInputsJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // The message must not quote the JSON: it carries the token input.
            throw new InvalidInputException(INPUTS_VARIABLE + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()
                    + "); set it to ${{ toJSON(inputs) }} in the action's env");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(INPUTS_VARIABLE + " must be a JSON object such as ${{ toJSON(inputs) }}");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode node = field.getValue();
            String value = node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
            // toJSON(inputs) lists unset inputs as ""; those must not hide an INPUT_* variable.
            if (!value.isBlank()) {
                inputs.put(key(field.getKey()), value.trim());
            }
        }
        return inputs;
    }

    /** The runner's mangling of an input id: upper case, spaces to underscores, hyphens kept. */
    public static String key(String inputName) {
        return inputName.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    private static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An input's trimmed value; empty when unset or blank. Tries {@code foo-bar}, then {@code foo_bar}. */
    public Optional<String> input(String name) {
        String key = key(name);
        String value = inputs.get(key);
        if (value == null) {
            value = inputs.get(key.replace('-', '_'));
        }
        return Optional.ofNullable(value);
    }

    public String input(String name, String fallback) {
        return input(name).orElse(fallback);
    }

    public String requiredInput(String name) {
        return input(name).orElseThrow(() -> new InvalidInputException("input '" + name + "' is required"));
    }

    /**
     * A boolean input, accepting exactly the YAML 1.2 core spellings {@code true|True|TRUE|false|False|FALSE} like
     * {@code getBooleanInput}; anything else is the user's mistake, not a silent false.
     */
    public Optional<Boolean> booleanInput(String name) {
        Optional<String> value = input(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        switch (value.get()) {
            case "true", "True", "TRUE" -> {
                return Optional.of(Boolean.TRUE);
            }
            case "false", "False", "FALSE" -> {
                return Optional.of(Boolean.FALSE);
            }
            default ->
                throw new InvalidInputException(
                        "input '" + name + "' must be true or false, got '" + value.get() + "'");
        }
    }

    /** A multi-line input split into its non-empty lines. */
    public List<String> multilineInput(String name) {
        return input(name)
                .map(value -> Arrays.stream(value.split("\\R"))
                        .map(String::trim)
                        .filter(line -> !line.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** The token: input {@code github-token} if given, else {@code GITHUB_TOKEN} from the environment. */
    public Optional<String> token() {
        return input("github-token")
                .or(() -> environmentToken.isBlank() ? Optional.empty() : Optional.of(environmentToken));
    }

    /** The API base URL: input {@code github-api-url} if given, else {@code GITHUB_API_URL}. */
    public String effectiveApiUrl() {
        return input("github-api-url").map(ActionsContext::stripSlash).orElse(apiUrl);
    }

    /** The run's page, {@code $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID[/attempts/N]}. */
    public Optional<String> runUrl() {
        if (repository.isBlank() || runId.isBlank()) {
            return Optional.empty();
        }
        String url = serverUrl + "/" + repository + "/actions/runs/" + runId;
        return Optional.of("1".equals(runAttempt) ? url : url + "/attempts/" + runAttempt);
    }

    /** Every value that must be masked before anything is printed: secret-named inputs and tokens. */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        inputs.forEach((key, value) -> {
            if (isSecretName(key)) {
                secrets.add(value);
            }
        });
        if (!environmentToken.isBlank()) {
            secrets.add(environmentToken);
        }
        secrets.addAll(extraSecrets);
        return secrets;
    }

    // Inputs and the environment token are secrets; the default record toString would print them.
    @Override
    public String toString() {
        return "ActionsContext[inputs=" + inputs.keySet() + ", inActions=" + inActions + ", repository=" + repository
                + ", runId=" + runId + ", sha=" + sha + ", ref=" + ref + "]";
    }
}
