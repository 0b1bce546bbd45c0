package io.releasepilot.cli.actions;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The process environment as a value. The CLI's {@code main} builds it from {@code System.getenv()} once; everything
 * else receives it, so tests pass a plain map and nothing reads the real environment behind their back.
 *
 * @param variables the environment variables by name
 */
public record RunnerEnvironment(Map<String, String> variables) {

    public RunnerEnvironment {
        variables = Map.copyOf(variables);
    }

    public static RunnerEnvironment of(Map<String, String> variables) {
        return new RunnerEnvironment(variables);
    }

    /** The value of a variable, or empty when it is unset or blank (the runner sets some variables to ""). */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** True inside a GitHub Actions job: the runner sets {@code GITHUB_ACTIONS=true} for every step. */
    public boolean isGitHubActions() {
        return "true".equals(variables.get("GITHUB_ACTIONS"));
    }

    // The environment holds tokens; a record's default toString would print them into a log or an exception.
    @Override
    public String toString() {
        return "RunnerEnvironment" + new TreeMap<>(variables).keySet();
    }
}
