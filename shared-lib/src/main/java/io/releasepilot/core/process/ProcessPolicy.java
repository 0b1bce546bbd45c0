package io.releasepilot.core.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What every program of one release gets (pure: built from the host's variables and the spec's lists, no I/O). A
 * program sees {@code PATH}, {@code HOME}, the variables the spec allow-lists ({@code processes.passEnvironment}) and
 * the release's own {@code RP_*} variables its caller adds, nothing else: not {@code GITHUB_TOKEN}, not the ledger's
 * password. Its output is masked with the values of every variable the spec names as a secret and of every host
 * variable whose name says it is one.
 *
 * @param baseEnvironment the variables every program gets
 * @param mask the secrets masked in every program's output
 * @param outputLimit how many characters of output are kept
 */
public record ProcessPolicy(Map<String, String> baseEnvironment, SecretMask mask, int outputLimit) {
    /** Variables every program gets from the host, whatever the spec says. */
    public static final List<String> ALWAYS_PASSED = List.of("PATH", "HOME");

    /** The prefix of the variables a release sets for its programs (RP_SERVICE, RP_VERSION, RP_ROUTER_ACTION…). */
    public static final String RELEASE_PREFIX = "RP_";

    /** A search path for a program started without a host's (the program itself is found by the JVM's PATH). */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Names that say a variable holds a secret even when the spec does not name it (GITHUB_TOKEN, AWS_SECRET…). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY).*", Pattern.CASE_INSENSITIVE);

    /** Below this length a value found by its variable's name alone is not masked: it would mask ordinary words. */
    private static final int MIN_GUESSED_SECRET = 6;

    /** Name of an environment variable: what the allow-list may contain. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** No host variable at all: a default search path, nothing masked. For programs outside a release (tests). */
    public static final ProcessPolicy ISOLATED =
            new ProcessPolicy(Map.of("PATH", DEFAULT_PATH), SecretMask.NONE, ProcessRequest.DEFAULT_OUTPUT_LIMIT);

    public ProcessPolicy {
        baseEnvironment = Map.copyOf(baseEnvironment);
        Objects.requireNonNull(mask, "mask");
        if (outputLimit < 1) {
            throw new IllegalArgumentException("outputLimit must be positive, got " + outputLimit);
        }
    }

    /**
     * The policy of a release on this host.
     *
     * @param host the host's variables (the CLI's environment; a Jenkins agent's)
     * @param passEnvironment the variables the spec allow-lists for its programs
     * @param secretNames the variables the spec and the host name as secrets (tokenEnv, passwordEnv…)
     */
    public static ProcessPolicy of(
            Map<String, String> host, Collection<String> passEnvironment, Collection<String> secretNames) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("PATH", host.getOrDefault("PATH", DEFAULT_PATH));
        for (String name : ALWAYS_PASSED) {
            String value = host.get(name);
            if (value != null) {
                base.put(name, value);
            }
        }
        for (String name : passEnvironment) {
            requireVariableName(name);
            String value = host.get(name);
            if (value != null) {
                base.put(name, value);
            }
        }
        List<String> secrets = new ArrayList<>();
        for (String name : secretNames) {
            String value = host.get(name);
            if (value != null) {
                secrets.add(value);
            }
        }
        host.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value.strip().length() >= MIN_GUESSED_SECRET) {
                secrets.add(value);
            }
        });
        return new ProcessPolicy(base, SecretMask.of(secrets), ProcessRequest.DEFAULT_OUTPUT_LIMIT);
    }

    /** Whether {@code name} can be an environment variable's name (what {@code processes.passEnvironment} holds). */
    public static boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    private static void requireVariableName(String name) {
        if (!isVariableName(name)) {
            throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
        }
    }

    /**
     * The request to run {@code argv} for a release, with the release's own variables added to the base environment.
     *
     * @throws IllegalArgumentException for a release variable not named {@code RP_…}: only the release's own values
     *     may be added by a caller
     */
    public ProcessRequest request(List<String> argv, Map<String, String> releaseVariables, Duration timeout) {
        Map<String, String> environment = new LinkedHashMap<>(baseEnvironment);
        releaseVariables.forEach((name, value) -> {
            if (!name.startsWith(RELEASE_PREFIX)) {
                throw new IllegalArgumentException(
                        "a release passes only its own RP_* variables to a program, got " + name);
            }
            environment.put(name, value);
        });
        return new ProcessRequest(argv, environment, timeout, outputLimit, mask);
    }

    /** This policy with more secrets masked. */
    public ProcessPolicy masking(SecretMask more) {
        return new ProcessPolicy(baseEnvironment, mask.and(more), outputLimit);
    }

    @Override
    public String toString() {
        return "ProcessPolicy[environment=" + baseEnvironment.keySet() + ", " + mask + ", outputLimit=" + outputLimit
                + "]";
    }
}
