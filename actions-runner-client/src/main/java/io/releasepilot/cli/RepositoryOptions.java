package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.spec.VersioningSpec;
import io.releasepilot.core.version.CommitHistory;
import io.releasepilot.core.version.ReleaseChannel;
import io.releasepilot.core.version.VersioningPolicy;
import io.releasepilot.core.version.git.JGitCommitHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a Git repository: where it is, how tags look, which branch. */
final class RepositoryOptions {
    @Option(
            names = "--repo",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Git repository (work tree) to read; default: ${DEFAULT-VALUE}")
    Path repo;

    @Option(
            names = "--tag-prefix",
            paramLabel = "PREFIX",
            defaultValue = VersioningPolicy.DEFAULT_TAG_PREFIX,
            description = "Text before the version in tag names; default: ${DEFAULT-VALUE}")
    String tagPrefix;

    @Option(
            names = "--branch",
            paramLabel = "NAME",
            description = "Branch to decide for (channels); default: the checked-out branch, else "
                    + "$GITHUB_HEAD_REF, $GITHUB_REF_NAME or $BRANCH_NAME")
    String branch;

    @Option(
            names = "--channel",
            paramLabel = "GLOB=ID",
            description = "Pre-release channel: branches matching GLOB release X.Y.Z-ID.N (repeatable); "
                    + "default: release/*=rc")
    List<String> channels;

    @Option(
            names = "--spec",
            paramLabel = "FILE",
            description = "Take the tag prefix and the channels from this spec's versioning section (flags win)")
    Path spec;

    /** The versioning policy: the flags, else the spec's {@code versioning} section, else the defaults. */
    VersioningPolicy policy() {
        if ((channels == null || channels.isEmpty()) && spec != null) {
            VersioningSpec versioning = SpecReader.read(spec).value().versioning();
            boolean prefixGiven = !VersioningPolicy.DEFAULT_TAG_PREFIX.equals(tagPrefix);
            return new VersioningPolicy(
                    prefixGiven ? tagPrefix : versioning.tagPrefix(),
                    versioning.channels().stream()
                            .map(c -> new ReleaseChannel(c.branch(), c.prerelease()))
                            .toList());
        }
        if (channels == null || channels.isEmpty()) {
            return new VersioningPolicy(tagPrefix, VersioningPolicy.defaults().channels());
        }
        List<ReleaseChannel> parsed = new ArrayList<>();
        for (String channel : channels) {
            int eq = channel.lastIndexOf('=');
            if (eq <= 0 || eq == channel.length() - 1) {
                throw new InvalidInputException(
                        "--channel '" + channel + "' must look like GLOB=ID, e.g. release/*=rc");
            }
            parsed.add(new ReleaseChannel(channel.substring(0, eq), channel.substring(eq + 1)));
        }
        return new VersioningPolicy(tagPrefix, parsed);
    }

    /** Opens the repository; a missing directory or non-repository is the user's error (exit 2). */
    CommitHistory open() {
        return JGitCommitHistory.open(repo);
    }

    /** The branch from the flag, the checkout, or the CI environment; "HEAD" when detached and unknown. */
    String branch(CommitHistory history, Map<String, String> env) {
        if (branch != null && !branch.isBlank()) {
            return branch;
        }
        return history.currentBranch().orElseGet(() -> {
            for (String name : List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "BRANCH_NAME")) {
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            return "HEAD";
        });
    }
}
