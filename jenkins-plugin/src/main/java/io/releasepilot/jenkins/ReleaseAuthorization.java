package io.releasepilot.jenkins;

import io.releasepilot.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Who may act, decided on the controller from the administrator's global configuration only (never from the spec or
 * a step argument): which jobs may release to or operate on which service in which environment. Pure: the job's full
 * name, the service and the environment in, a decision naming the rule out.
 *
 * <ul>
 *   <li>When rules list the service in the environment, only jobs one of them allows may act; a refusal names those
 *       rules.
 *   <li>When no rule lists it, a protected environment is closed (the refusal names the protected pattern), any other
 *       is open.
 * </ul>
 */
public final class ReleaseAuthorization {
    private final List<ReleaseRule> rules;
    private final List<String> protectedEnvironments;

    ReleaseAuthorization(List<ReleaseRule> rules, List<String> protectedEnvironments) {
        this.rules = List.copyOf(rules);
        this.protectedEnvironments = List.copyOf(protectedEnvironments);
    }

    /** No rules and nothing protected: every job may act everywhere (hosts that do not configure Jenkins). */
    static ReleaseAuthorization open() {
        return new ReleaseAuthorization(List.of(), List.of());
    }

    /**
     * Parses the configuration text: one rule per line, {@code <job glob> <service glob> <environment glob>}, blank
     * lines and {@code #} comments ignored; protected environments separated by commas or blanks.
     */
    static ReleaseAuthorization parse(@Nullable String rulesText, @Nullable String protectedText) {
        List<ReleaseRule> rules = new ArrayList<>();
        String[] lines = rulesText == null ? new String[0] : rulesText.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new InvalidInputException("release rule on line " + (i + 1) + " '" + line + "' has "
                        + parts.length + " fields; write '<job glob> <service glob> <environment glob>', e.g."
                        + " 'payments/** checkout production'");
            }
            rules.add(new ReleaseRule(i + 1, parts[0], parts[1], parts[2]));
        }
        List<String> protectedEnvironments = protectedText == null
                ? List.of()
                : List.of(protectedText.split("[,\\s]+")).stream()
                        .filter(s -> !s.isBlank())
                        .toList();
        return new ReleaseAuthorization(rules, protectedEnvironments);
    }

    /** Whether a decision for this environment depends on the service (read from the spec on the agent). */
    boolean needsService(String environment) {
        return protectedBy(environment).isPresent() || rules.stream().anyMatch(r -> r.coversEnvironment(environment));
    }

    /** The decision for a job acting on a service in an environment; its explanation names the deciding rule. */
    Decision decide(String job, String service, String environment) {
        Objects.requireNonNull(job, "job");
        List<ReleaseRule> covering =
                rules.stream().filter(r -> r.covers(service, environment)).toList();
        String what = "job '" + job + "' on " + service + " in " + environment;
        if (!covering.isEmpty()) {
            return covering.stream()
                    .filter(r -> r.allows(job))
                    .findFirst()
                    .map(r -> Decision.allowed(what + " allowed by " + r.describe()))
                    .orElseGet(() -> Decision.refused(what + " refused by "
                            + covering.stream().map(ReleaseRule::describe).collect(Collectors.joining(" and "))
                            + ", which allow(s) other jobs only (Manage Jenkins → System → Release Pilot → Release"
                            + " rules)"));
        }
        Optional<String> pattern = protectedBy(environment);
        if (pattern.isPresent()) {
            return Decision.refused(what + " refused by the protected-environment rule '" + pattern.get()
                    + "': no release rule lists " + service + " in " + environment + " (add one in Manage Jenkins →"
                    + " System → Release Pilot → Release rules)");
        }
        return Decision.allowed(what + " allowed: " + environment + " is not protected and no rule lists it");
    }

    private Optional<String> protectedBy(String environment) {
        return protectedEnvironments.stream()
                .filter(p -> ReleaseRule.glob(p, false).matcher(environment).matches())
                .findFirst();
    }

    /** Allowed or not, and why (the rule). */
    record Decision(boolean allowed, String explanation) {
        Decision {
            Objects.requireNonNull(explanation, "explanation");
        }

        static Decision allowed(String why) {
            return new Decision(true, why);
        }

        static Decision refused(String why) {
            return new Decision(false, why);
        }
    }
}
