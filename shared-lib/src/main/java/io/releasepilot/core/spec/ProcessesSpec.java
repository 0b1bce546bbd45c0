package io.releasepilot.core.spec;

import java.util.List;

/**
 * {@code processes}: what the programs a release starts (hooks, the command router, NGINX test and reload) may see
 * besides {@code PATH}, {@code HOME} and the release's own {@code RP_*} variables, and which further variables hold
 * secrets to mask in their output (the spec's {@code tokenEnv}/{@code passwordEnv} fields are secrets already).
 *
 * @param passEnvironment names of host variables passed to every program (values never appear in the spec)
 * @param secretEnvironment names of host variables whose values are masked in every output
 */
public record ProcessesSpec(List<String> passEnvironment, List<String> secretEnvironment) {
    public ProcessesSpec {
        passEnvironment = Require.list(passEnvironment, "passEnvironment");
        secretEnvironment = Require.list(secretEnvironment, "secretEnvironment");
    }

    /** Nothing passed beyond PATH, HOME and RP_*, no extra secret. */
    public static ProcessesSpec none() {
        return new ProcessesSpec(List.of(), List.of());
    }
}
