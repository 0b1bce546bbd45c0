package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.application.Ledger;
import io.releasepilot.core.application.ReleasePorts;
import io.releasepilot.core.application.ReleaseSession;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.StateStoreConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the release commands, declared once ({@code @Mixin}): {@code --spec} and {@code --environment} name
 * the release, {@code --format} says how to report it. {@link Acting} adds {@code --actor} for the commands that act
 * on a release, {@link Audited} the required {@code --reason} for those whose request goes into the audit trail. The
 * options become a core {@link ReleaseSession} here, with the ledger the process environment names.
 */
class ReleaseOptions extends FormatOption {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "release-pilot.yml")
    Path specFile;

    @Option(
            names = "--environment",
            required = true,
            description =
                    "environment, declared in the spec: where to release, or whose current release to act on or show")
    String environment;

    /**
     * The release session: the spec (with the hash of the file's bytes, recorded with the releases it starts), the
     * environment it must declare, the ledger {@code ledger} configures (from {@link LedgerOptions#config}) and the
     * other ports.
     */
    ReleaseSession session(Map<String, String> env, StateStoreConfig ledger) {
        SpecFile spec = SpecReader.readFile(WorkspacePaths.of(env).file("--spec", specFile))
                .value();
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("--environment is required");
        }
        return ReleaseSession.open(spec, environment, ports(env, () -> ledger));
    }

    /**
     * The ports of every CLI use case: the ledger {@code ledger} configures when a use case first needs it (from
     * {@link LedgerOptions#config}: {@code RP_DATABASE_*}, else the embedded one in {@code RP_STATE_DIR}), and the
     * process environment for the spec's secrets.
     */
    static ReleasePorts ports(Map<String, String> env, Supplier<StateStoreConfig> ledger) {
        return ReleasePorts.standard(Ledger.postgres(ledger), env);
    }

    /** The options of a command that acts on a release: who acts. */
    static class Acting extends ReleaseOptions {
        @Option(
                names = "--actor",
                description = "who acts, outside CI only (recorded as self-asserted; default: USER); in GitHub Actions"
                        + " the actor is GITHUB_ACTOR")
        String actor;

        /** The GitHub actor with the run's URL in Actions; else {@code --actor} or the local user, self-asserted. */
        Actor actor(Map<String, String> env) {
            return ActorIdentity.of(actor, env);
        }

        /** The commit the runner checked out, if it says. */
        static @Nullable String commitSha(Map<String, String> env) {
            return first(env, "GITHUB_SHA").orElse(null);
        }

        private static Optional<String> first(Map<String, String> env, String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }

    /** The options of a command whose request is audited: who acts, and why. */
    static final class Audited extends Acting {
        @Option(
                names = "--reason",
                required = true,
                description = "why (kept in the ledger's audit trail and in the release event)")
        String reason;
    }
}
