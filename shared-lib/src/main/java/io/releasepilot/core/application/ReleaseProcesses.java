package io.releasepilot.core.application;

import io.releasepilot.core.process.ProcessLauncher;
import io.releasepilot.core.process.ProcessPolicy;
import io.releasepilot.core.spec.DatabaseSpec;
import io.releasepilot.core.spec.NatsSpec;
import io.releasepilot.core.spec.NotificationSpec;
import io.releasepilot.core.spec.PrometheusSpec;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.traffic.command.ExternalCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The process policy of a release: the spec's allow-list, and every variable the spec or the hosts name as a secret,
 * resolved against the host's variables. One place, so a hook, the command router and NGINX's test and reload see
 * the same scrubbed environment and have the same secrets masked.
 */
final class ReleaseProcesses {
    /**
     * Secrets the hosts themselves hold whatever the spec says: the GitHub token of a workflow, the runner's own
     * tokens, and the ledger's and NATS's variables the CLI reads by default.
     */
    static final List<String> HOST_SECRETS = List.of(
            "GITHUB_TOKEN",
            "GH_TOKEN",
            "ACTIONS_RUNTIME_TOKEN",
            "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            "RP_DATABASE_PASSWORD",
            "RP_DATABASE_URL",
            "RP_NATS_URL",
            "RP_NATS_PASSWORD",
            "RP_NATS_TOKEN",
            "RP_WEBHOOK_TOKEN",
            "RP_WEBHOOK_PASSWORD");

    private ReleaseProcesses() {}

    /** The names of every variable that holds a secret of {@code spec} or of the hosts. */
    static Set<String> secretNames(ReleaseSpec spec) {
        Set<String> names = new LinkedHashSet<>(HOST_SECRETS);
        spec.metrics().prometheus().flatMap(PrometheusSpec::tokenEnv).ifPresent(names::add);
        DatabaseSpec database = spec.state().database();
        database.urlEnv().ifPresent(names::add);
        database.passwordEnv().ifPresent(names::add);
        NatsSpec nats = spec.state().nats();
        nats.urlEnv().ifPresent(names::add);
        // A notification's URL often embeds a token, and its secret is an HMAC key, routing key or password.
        for (NotificationSpec notification : spec.notifications()) {
            Optional.ofNullable(notification.urlEnv()).ifPresent(names::add);
            Optional.ofNullable(notification.secretEnv()).ifPresent(names::add);
        }
        names.addAll(spec.processes().secretEnvironment());
        return names;
    }

    /** The policy of {@code spec}'s programs on a host whose variables are {@code variables}. */
    static ProcessPolicy policy(ReleaseSpec spec, Map<String, String> variables) {
        return ProcessPolicy.of(variables, spec.processes().passEnvironment(), new ArrayList<>(secretNames(spec)));
    }

    /** How {@code spec}'s programs run: through {@code launcher}, under its policy on this host. */
    static ExternalCommand commands(ReleaseSpec spec, Map<String, String> variables, ProcessLauncher launcher) {
        return new ExternalCommand(launcher, policy(spec, variables));
    }
}
