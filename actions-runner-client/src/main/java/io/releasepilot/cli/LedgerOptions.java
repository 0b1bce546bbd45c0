package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.StateStoreConfig;
import java.io.PrintWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The ledger option every ledger-using command mixes in ({@code @Mixin}), and the one place those commands turn the
 * environment into a {@link StateStoreConfig}: {@code RP_DATABASE_*} as before, but on a CI host without
 * {@code RP_DATABASE_URL} only with {@code --ephemeral-ledger} (see {@link CiLedgerDecider}). {@code demo} does not
 * mix it in: its embedded ledger is the point of a demo.
 */
final class LedgerOptions {

    @Option(
            names = "--ephemeral-ledger",
            arity = "0..1",
            fallbackValue = "true",
            description = "in CI (GitHub Actions, Jenkins) without RP_DATABASE_URL: use a throwaway embedded ledger"
                    + " anyway, for a first try (its history is lost with the workspace)")
    boolean ephemeralLedger;

    /**
     * The ledger's configuration for this command, or a refusal (exit 2) that says how to configure a database. A
     * warning (throwaway ledger, needless flag) goes to the step's annotations on a runner, else to stderr, so that
     * a JSON document on stdout stays intact.
     */
    StateStoreConfig config(CommandLine.Model.CommandSpec command, @Nullable ActionsStep step) {
        return config(
                ReleasePilotCli.environmentOf(command), command.commandLine().getErr(), step);
    }

    /** As {@link #config(CommandLine.Model.CommandSpec, ActionsStep)}, for a command given its environment. */
    StateStoreConfig config(Map<String, String> env, PrintWriter err, @Nullable ActionsStep step) {
        String url = env.get("RP_DATABASE_URL");
        CiLedgerDecider.Decision decision =
                CiLedgerDecider.decide(CiLedgerDecider.Host.of(env), url != null && !url.isBlank(), ephemeralLedger);
        if (decision.placement() == CiLedgerDecider.Placement.REFUSED) {
            throw new InvalidInputException(decision.message());
        }
        if (!decision.message().isEmpty()) {
            if (step != null && step.active()) {
                step.warning(decision.message());
            } else {
                err.println("warning: " + decision.message());
                err.flush();
            }
        }
        return StateStoreConfig.fromEnvironment(env);
    }
}
