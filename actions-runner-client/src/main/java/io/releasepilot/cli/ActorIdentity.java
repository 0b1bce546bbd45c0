package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.Actor;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who acts, as far as this host can tell. In GitHub Actions the actor is {@code GITHUB_ACTOR} (the identity GitHub
 * authenticated for the run) with the run's URL, and {@code --actor} cannot name anyone else. In a shell outside CI
 * the actor is {@code --actor}, else {@code USER}, and is recorded as {@value #SELF_ASSERTED}: nothing checked it, so
 * it never matches a {@code gates.bypass.authority} entry by accident.
 */
final class ActorIdentity {
    /** The mark an identity nobody authenticated carries in the ledger and the audit trail. */
    static final String SELF_ASSERTED = " (self-asserted)";

    private ActorIdentity() {}

    /** Whether this process runs as a GitHub Actions step (the runner sets these for every step). */
    static boolean inActions(Map<String, String> env) {
        return "true".equals(env.get("GITHUB_ACTIONS"))
                || (present(env, "GITHUB_ACTOR").isPresent()
                        && present(env, "GITHUB_RUN_ID").isPresent());
    }

    /**
     * The actor of this run.
     *
     * @param asserted {@code --actor}, if given
     * @throws InvalidInputException for {@code --actor} naming someone else inside GitHub Actions, or an Actions step
     *     without {@code GITHUB_ACTOR}
     */
    static Actor of(@Nullable String asserted, Map<String, String> env) {
        Optional<String> named = Optional.ofNullable(asserted).filter(name -> !name.isBlank());
        if (inActions(env)) {
            String actor = present(env, "GITHUB_ACTOR")
                    .orElseThrow(() -> new InvalidInputException(
                            "GITHUB_ACTOR is not set in this GitHub Actions step: cannot tell who acts"));
            if (named.isPresent() && !named.get().equals(actor)) {
                throw new InvalidInputException(
                        "--actor is for shells outside CI: in GitHub Actions the actor is " + "GITHUB_ACTOR ('" + actor
                                + "'), the identity GitHub authenticated for this run; drop --actor");
            }
            return new Actor(actor, runUrl(env));
        }
        String name = named.or(() -> present(env, "USER")).orElse("release-pilot");
        return new Actor(name + SELF_ASSERTED, null);
    }

    /** The URL of the workflow run, when the runner says which. */
    static @Nullable String runUrl(Map<String, String> env) {
        Optional<String> server = present(env, "GITHUB_SERVER_URL");
        Optional<String> repository = present(env, "GITHUB_REPOSITORY");
        Optional<String> run = present(env, "GITHUB_RUN_ID");
        return server.isPresent() && repository.isPresent() && run.isPresent()
                ? server.get() + "/" + repository.get() + "/actions/runs/" + run.get()
                : null;
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
