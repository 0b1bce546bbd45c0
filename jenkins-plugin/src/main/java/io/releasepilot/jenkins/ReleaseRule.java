package io.releasepilot.jenkins;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the global configuration's release rules: jobs matching {@code job} may release to, and operate on,
 * services matching {@code service} in environments matching {@code environment}.
 *
 * <p>Globs: in {@code job}, {@code *} stays inside one folder level and {@code **} crosses folders ({@code team-a/**});
 * in {@code service} and {@code environment}, {@code *} matches anything.
 *
 * @param line the rule's line number in the configuration, named in every decision
 */
record ReleaseRule(int line, String job, String service, String environment) {
    ReleaseRule {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
    }

    /** Whether the rule speaks about this service in this environment. */
    boolean covers(String serviceName, String environmentName) {
        return glob(service, false).matcher(serviceName).matches()
                && glob(environment, false).matcher(environmentName).matches();
    }

    boolean allows(String jobFullName) {
        return glob(job, true).matcher(jobFullName).matches();
    }

    boolean coversEnvironment(String environmentName) {
        return glob(environment, false).matcher(environmentName).matches();
    }

    String describe() {
        return "rule " + line + " '" + job + " " + service + " " + environment + "'";
    }

    /** A glob as a regex: {@code **} any text, {@code *} any text without '/' for job paths, any text otherwise. */
    static Pattern glob(String glob, boolean folders) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(folders ? "[^/]*" : ".*");
            } else if (c == '?') {
                regex.append(folders ? "[^/]" : ".");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
