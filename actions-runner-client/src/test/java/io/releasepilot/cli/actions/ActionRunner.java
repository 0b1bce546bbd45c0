package io.releasepilot.cli.actions;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a composite {@code action.yml} the way the runner does, as far as our actions use it: inputs with defaults,
 * the expressions {@code inputs.x}, {@code toJSON(inputs)}, {@code github.<key>} (the {@code github} context: {@code
 * action_path}, {@code token}, {@code api_url}, {@code sha}, …) and {@code steps.<id>.outputs.<name>}, rendered into
 * each step's {@code env:} and {@code run:}; each {@code run:} step written to a file and run with {@code bash
 * --noprofile --norc -eo pipefail} in the workspace, with the runner's {@code GITHUB_*} variables, a fresh
 * GITHUB_OUTPUT per step, and the action's outputs mapped from the steps' outputs. Like the runner for composite
 * actions, it sets NO {@code INPUT_*} variables (actions/runner#665): an input reaches a step only through an
 * expression. Anything else in an action (an unknown expression, {@code uses:}, {@code if:}) fails the test, so an
 * action cannot silently rely on something this double does not check.
 */
final class ActionRunner {

    /** What one action run left behind. */
    record Result(
            int exitCode,
            String stdout,
            Map<String, String> outputs,
            Map<String, Map<String, String>> stepOutputs,
            String summary) {}

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path actionDir;
    private final Path work;
    private final String token;
    private final String apiUrl;
    private final Map<String, String> extraEnv = new HashMap<>();
    private final Map<String, String> github = new LinkedHashMap<>();

    ActionRunner(Path actionDir, Path work, String token, String apiUrl) {
        this.actionDir = actionDir;
        this.work = work;
        this.token = token;
        this.apiUrl = apiUrl;
        github.put("repository", "acme/shop");
        github.put("server_url", "https://ghe.example.com");
        github.put("actor", "octocat");
        github.put("run_id", "77");
        github.put("run_attempt", "1");
        github.put("workflow", "release");
        github.put("job", "release");
        github.put("event_name", "push");
        github.put("sha", "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d");
        github.put("ref", "refs/heads/main");
    }

    /** Adds a variable of the job's environment (e.g. JAVA_HOME_17_X64 on hosted runners). */
    ActionRunner withJobEnv(String name, String value) {
        if (name.startsWith("INPUT_")) {
            throw new IllegalArgumentException("composite actions get no INPUT_* variables; pass inputs with run()");
        }
        extraEnv.put(name, value);
        return this;
    }

    /** Sets a value of the {@code github} context, which also becomes {@code GITHUB_<KEY>} (e.g. sha, ref). */
    ActionRunner withGithub(String key, String value) {
        github.put(key, value);
        return this;
    }

    Result run(Map<String, String> with) throws IOException, InterruptedException {
        JsonNode action = YAML.readTree(actionDir.resolve("action.yml").toFile());
        if (!"composite".equals(action.path("runs").path("using").asText())) {
            throw new IllegalStateException("not a composite action");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = action.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> input = it.next();
            String name = input.getKey();
            requireNonNull(input.getValue().get("description"), "input " + name + " has no description");
            String value = with.get(name);
            if (value == null && input.getValue().has("default")) {
                value = evaluate(input.getValue().get("default").asText(), Map.of(), Map.of());
            }
            if (value == null && input.getValue().path("required").asBoolean(false)) {
                throw new IllegalArgumentException("Input required and not supplied: " + name);
            }
            inputs.put(name, value == null ? "" : value);
        }
        for (String name : with.keySet()) {
            if (!inputs.containsKey(name)) {
                throw new IllegalArgumentException("Unexpected input '" + name + "'");
            }
        }

        Path runnerTemp = Files.createDirectories(work.resolve("runner-temp"));
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        Path summary = runnerTemp.resolve("step_summary");
        Files.writeString(summary, "");
        Map<String, Map<String, String>> stepOutputs = new LinkedHashMap<>();
        StringBuilder stdout = new StringBuilder();
        int exitCode = 0;
        int index = 0;
        for (JsonNode step : action.path("runs").path("steps")) {
            if (step.has("uses") || step.has("if")) {
                throw new IllegalStateException("this double runs only unconditional run: steps");
            }
            if (!"bash".equals(step.path("shell").asText())) {
                throw new IllegalStateException("every run: step needs shell: bash");
            }
            String id = step.path("id").asText("__run" + index);
            index++;
            Path output = runnerTemp.resolve("set_output_" + index);
            Path envFile = runnerTemp.resolve("set_env_" + index);
            Files.writeString(output, "");
            Files.writeString(envFile, "");
            Path script = runnerTemp.resolve("step_" + index + ".sh");
            Files.writeString(script, evaluate(step.path("run").asText(), inputs, stepOutputs));

            ProcessBuilder process = new ProcessBuilder(
                            "bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                    .directory(workspace.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = process.environment();
            String path = env.get("PATH");
            env.clear();
            env.put("PATH", path);
            env.put("HOME", work.toString());
            env.put("CI", "true");
            env.put("GITHUB_ACTIONS", "true");
            context(workspace).forEach((key, value) -> {
                if (!key.equals("token")) {
                    env.put("GITHUB_" + key.toUpperCase(java.util.Locale.ROOT), value);
                }
            });
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_ENV", envFile.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            env.put("RUNNER_TEMP", runnerTemp.toString());
            env.putAll(extraEnv);
            for (Iterator<Map.Entry<String, JsonNode>> it = step.path("env").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                env.put(variable.getKey(), evaluate(variable.getValue().asText(), inputs, stepOutputs));
            }
            Process running = process.start();
            byte[] text = running.getInputStream().readAllBytes();
            if (!running.waitFor(120, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException("step " + id + " did not finish");
            }
            stdout.append(new String(text, StandardCharsets.UTF_8));
            stepOutputs.put(id, ActionsRuntimeTest.parseEnvFile(output));
            exitCode = running.exitValue();
            if (exitCode != 0) {
                break;
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = action.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            requireNonNull(output.getValue().get("description"), "output " + output.getKey() + " has no description");
            outputs.put(
                    output.getKey(), evaluate(output.getValue().path("value").asText(), inputs, stepOutputs));
        }
        return new Result(exitCode, stdout.toString(), outputs, stepOutputs, Files.readString(summary));
    }

    /** The {@code github} context of the job, as expressions see it. */
    private Map<String, String> context(Path workspace) {
        Map<String, String> context = new LinkedHashMap<>(github);
        context.put("action_path", actionDir.toString());
        context.put("token", token);
        context.put("api_url", apiUrl);
        context.put("workspace", workspace.toString());
        return context;
    }

    private String evaluate(String text, Map<String, String> inputs, Map<String, Map<String, String>> steps)
            throws IOException {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(value(matcher.group(1), inputs, steps)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String value(String expression, Map<String, String> inputs, Map<String, Map<String, String>> steps)
            throws IOException {
        if (expression.equals("toJSON(inputs)")) {
            return JSON.writeValueAsString(inputs);
        }
        if (expression.startsWith("github.")) {
            String value = context(work.resolve("workspace")).get(expression.substring("github.".length()));
            if (value == null) {
                throw new IllegalStateException("the test runner has no ${{ " + expression + " }}");
            }
            return value;
        }
        if (expression.startsWith("inputs.")) {
            String name = expression.substring("inputs.".length());
            if (!inputs.containsKey(name)) {
                throw new IllegalStateException("expression uses undeclared input " + name);
            }
            return inputs.get(name);
        }
        Matcher step =
                Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(expression);
        if (step.matches()) {
            return steps.getOrDefault(step.group(1), Map.of()).getOrDefault(step.group(2), "");
        }
        throw new IllegalStateException("the test evaluator does not know the expression ${{ " + expression + " }}");
    }
}
