package io.releasepilot.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The GitHub Deployment options of the commands that move traffic ({@code canary}, {@code bluegreen},
 * {@code rollback}), mixed in ({@code @Mixin}) so that both say the same thing; which status each deployment gets is
 * {@code DeploymentStatusDecider}'s (docs/github-actions.md, "Deployment statuses").
 */
final class DeploymentOptions {
    @Option(
            names = "--deployment",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "true",
            description = "on GitHub Actions with a token: record the release as a GitHub Deployment and post its"
                    + " statuses; a rollback records a deployment (success) of the version now serving, then marks the"
                    + " rolled-back version's deployment inactive (failure if it was still rolling out)"
                    + " (default: ${DEFAULT-VALUE})")
    boolean deployment;

    @Option(
            names = "--environment-url",
            paramLabel = "URL",
            description = "where the environment answers, shown on the GitHub Deployment")
    @Nullable
    String environmentUrl;
}
