package io.releasepilot.cli;

import java.util.Map;
import java.util.Objects;

/**
 * Decides where a ledger-using command may keep its ledger. On a CI host without {@code RP_DATABASE_URL} the
 * embedded Postgres would live on the agent and vanish with the job: the environment lock could not see a concurrent
 * run, the next run would find no last good release and DORA would count nothing. So CI without a database is refused
 * unless the user accepts a throwaway ledger explicitly ({@code --ephemeral-ledger}). Pure: the caller passes the
 * facts (the host, whether a URL is set, the flag) and prints the decision.
 */
final class CiLedgerDecider {

    /** The CI system a command runs under, as its well-known variables tell. */
    enum Host {
        /** A terminal, a script, or a CI system Release Pilot does not recognise. */
        NONE,
        /** A GitHub Actions step ({@code GITHUB_ACTIONS=true}). */
        GITHUB_ACTIONS,
        /** A Jenkins build ({@code JENKINS_URL} set). */
        JENKINS;

        /** Reads the host from environment variables handed over by the entry point (nothing reads the process). */
        static Host of(Map<String, String> env) {
            if ("true".equals(env.get("GITHUB_ACTIONS"))) {
                return GITHUB_ACTIONS;
            }
            String jenkins = env.get("JENKINS_URL");
            return jenkins != null && !jenkins.isBlank() ? JENKINS : NONE;
        }
    }

    /** Where the ledger goes. */
    enum Placement {
        /** The PostgreSQL server at {@code RP_DATABASE_URL}. */
        SERVER,
        /** The embedded Postgres under {@code .release-pilot/}, kept across runs on this machine. */
        EMBEDDED,
        /** The embedded Postgres on a CI agent, accepted with {@code --ephemeral-ledger}: its history is lost. */
        EPHEMERAL,
        /** Nowhere: CI without a database and without {@code --ephemeral-ledger} (exit 2). */
        REFUSED
    }

    /**
     * The decision and what to tell the user.
     *
     * @param placement where the ledger goes
     * @param message the warning (EPHEMERAL, or SERVER when the flag was needless) or the refusal (REFUSED); "" when
     *     there is nothing to say
     */
    record Decision(Placement placement, String message) {
        Decision {
            Objects.requireNonNull(placement, "placement");
            Objects.requireNonNull(message, "message");
        }
    }

    private CiLedgerDecider() {}

    static Decision decide(Host host, boolean databaseUrlSet, boolean ephemeralLedger) {
        if (databaseUrlSet) {
            return new Decision(
                    Placement.SERVER,
                    ephemeralLedger
                            ? "--ephemeral-ledger is ignored: RP_DATABASE_URL is set, so the ledger is that"
                                    + " database"
                            : "");
        }
        if (host == Host.NONE) {
            return new Decision(Placement.EMBEDDED, "");
        }
        if (ephemeralLedger) {
            return new Decision(Placement.EPHEMERAL, ephemeralWarning(host));
        }
        return new Decision(Placement.REFUSED, refusal(host));
    }

    private static String ephemeralWarning(Host host) {
        return "ephemeral ledger (--ephemeral-ledger): an embedded Postgres in .release-pilot/ on this "
                + (host == Host.GITHUB_ACTIONS ? "runner" : "agent")
                + ", thrown away with the workspace. Its history is lost: the environment lock cannot see a concurrent"
                + " run, the next run finds no last good release to roll back to, and DORA counts nothing. For real"
                + " releases configure " + configuration(host) + ".";
    }

    private static String refusal(Host host) {
        String where =
                host == Host.GITHUB_ACTIONS ? "GitHub Actions (GITHUB_ACTIONS=true)" : "Jenkins (JENKINS_URL is set)";
        return "no ledger database: under " + where + " RP_DATABASE_URL is not set, so the ledger would be an"
                + " embedded Postgres in .release-pilot/ on the " + (host == Host.GITHUB_ACTIONS ? "runner" : "agent")
                + ", lost with the workspace (no environment lock across runs, no last good release, no DORA"
                + " history). Configure " + configuration(host) + ". For a first try only, accept a throwaway ledger"
                + " with "
                + (host == Host.GITHUB_ACTIONS
                        ? "the action input ephemeral-ledger: true (the option --ephemeral-ledger)"
                        : "the option --ephemeral-ledger")
                + ". See " + (host == Host.GITHUB_ACTIONS ? "docs/github-actions.md" : "docs/jenkins.md")
                + ", \"The ledger database\".";
    }

    private static String configuration(Host host) {
        String variables = "RP_DATABASE_URL (jdbc:postgresql://HOST:5432/DATABASE), RP_DATABASE_USER and"
                + " RP_DATABASE_PASSWORD";
        if (host == Host.GITHUB_ACTIONS) {
            return "a PostgreSQL server: give the action the inputs database-url, database-user and"
                    + " database-password from secrets (database-url: ${{ secrets.RP_DATABASE_URL }}, database-user:"
                    + " ${{ secrets.RP_DATABASE_USER }}, database-password: ${{ secrets.RP_DATABASE_PASSWORD }}; the"
                    + " reusable workflows read these three repository or environment secrets), or set the step's"
                    + " environment variables " + variables;
        }
        return "a PostgreSQL server: set " + variables + " for the step, the password from a Jenkins credential"
                + " (withCredentials([usernamePassword(credentialsId: 'release-pilot-db', usernameVariable:"
                + " 'RP_DATABASE_USER', passwordVariable: 'RP_DATABASE_PASSWORD')]) with RP_DATABASE_URL in"
                + " environment { })";
    }
}
