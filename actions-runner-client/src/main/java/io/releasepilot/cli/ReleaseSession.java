package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.rollout.HttpReleaseSignals;
import io.releasepilot.core.rollout.ProgressListener;
import io.releasepilot.core.rollout.ReleaseEngine;
import io.releasepilot.core.rollout.RolloutPlan;
import io.releasepilot.core.rollout.Sleeper;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.postgres.PostgresReleaseStore;
import io.releasepilot.core.traffic.TrafficRouter;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the release commands share: the spec, the environment named on the command line (checked against the spec),
 * the ledger (opened on first use), the router, and the actor from {@code --actor} or the GitHub
 * runner's variables.
 */
final class ReleaseSession implements AutoCloseable {
    private final ReleaseSpec spec;
    private final String environment;
    private final Map<String, String> env;
    private final StateStoreConfig ledger;
    private @Nullable PostgresReleaseStore store;

    /** {@code ledger} comes from {@link LedgerOptions#config}, which refuses a throwaway ledger in CI. */
    ReleaseSession(Path specFile, String environment, Map<String, String> env, StateStoreConfig ledger) {
        this.spec = SpecReader.read(specFile).value();
        this.env = env;
        this.ledger = ledger;
        if (environment == null || environment.isBlank()) {
            throw new InvalidInputException("--environment is required");
        }
        if (spec.environment(environment).isEmpty()) {
            throw new InvalidInputException("environment '" + environment + "' is not declared in the spec (declared: "
                    + spec.environments().stream().map(e -> e.name()).toList() + ")");
        }
        this.environment = environment;
    }

    ReleaseSpec spec() {
        return spec;
    }

    String service() {
        return spec.service();
    }

    String environment() {
        return environment;
    }

    PostgresReleaseStore store() {
        if (store == null) {
            store = PostgresReleaseStore.open(ledger);
        }
        return store;
    }

    TrafficRouter router() {
        return TrafficRouterRegistry.create(TrafficRouterSettings.from(spec.traffic()
                .orElseThrow(() -> new InvalidInputException("the spec has no traffic section: nothing to route"))));
    }

    ReleaseEngine engine(ProgressListener listener) {
        return new ReleaseEngine(
                store(),
                router(),
                HttpReleaseSignals.from(spec, env),
                RolloutPlan.from(spec),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                listener);
    }

    /** {@code --actor}, else the GitHub actor with the run's URL, else the local user. */
    Actor actor(@Nullable String option) {
        String name = option != null && !option.isBlank()
                ? option
                : first("GITHUB_ACTOR").or(() -> first("USER")).orElse("release-pilot");
        Optional<String> server = first("GITHUB_SERVER_URL");
        Optional<String> repository = first("GITHUB_REPOSITORY");
        Optional<String> run = first("GITHUB_RUN_ID");
        String url = server.isPresent() && repository.isPresent() && run.isPresent()
                ? server.get() + "/" + repository.get() + "/actions/runs/" + run.get()
                : null;
        return new Actor(name, url);
    }

    @Nullable
    String commitSha() {
        return first("GITHUB_SHA").orElse(null);
    }

    private Optional<String> first(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
