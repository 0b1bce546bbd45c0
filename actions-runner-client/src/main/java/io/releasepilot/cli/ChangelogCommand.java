package io.releasepilot.cli;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.version.ChangelogRenderer;
import io.releasepilot.core.version.Commit;
import io.releasepilot.core.version.CommitHistory;
import io.releasepilot.core.version.NextVersion;
import io.releasepilot.core.version.SemVer;
import io.releasepilot.core.version.VersionDecider;
import io.releasepilot.core.version.VersionTag;
import io.releasepilot.core.version.VersioningPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-pilot changelog}: Markdown release notes for a range of commits. */
@Command(
        name = "changelog",
        mixinStandardHelpOptions = true,
        description = "Write Markdown release notes (Features, Bug Fixes, Performance, BREAKING CHANGES) for the "
                + "commits after --from up to --to.")
public final class ChangelogCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RepositoryOptions repository;

    @Option(names = "--from", paramLabel = "TAG", description = "Start after this tag; default: the last release")
    String from;

    @Option(names = "--to", paramLabel = "REF", defaultValue = "HEAD", description = "End here; default: HEAD")
    String to;

    @Option(names = "--repo-url", paramLabel = "URL", description = "Web URL for links; default: from origin")
    String repoUrl;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output")
    Path output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Release date; default: today (UTC)")
    String date;

    @Override
    public void run() {
        VersioningPolicy policy = repository.policy();
        LocalDate day = releaseDate();
        try (CommitHistory history = repository.open()) {
            String branch = repository.branch(history, ReleasePilotCli.environmentOf(spec));
            VersionDecider decider = new VersionDecider();
            List<VersionTag> tags = history.versionTags(to, policy.tagPrefix());
            Optional<VersionTag> toTag =
                    tags.stream().filter(t -> t.name().equals(to)).findFirst();
            Optional<VersionTag> last;
            if (from != null) {
                String fromSha = history.resolve(from);
                last = Optional.of(new VersionTag(from, policy.versionOf(from).orElse(SemVer.of(0, 0, 0)), fromSha));
            } else {
                List<VersionTag> earlier = tags.stream()
                        .filter(t -> toTag.isEmpty()
                                || t.version().compareTo(toTag.get().version()) < 0)
                        .filter(t ->
                                toTag.isEmpty() || !t.sha().equals(toTag.get().sha()))
                        .toList();
                last = decider.lastRelease(earlier, policy.channelFor(branch));
            }
            List<Commit> commits = history.commits(last.map(VersionTag::sha), to);

            String title;
            Optional<String> currentTag;
            if (toTag.isPresent()) {
                title = toTag.get().version().toString();
                currentTag = Optional.of(toTag.get().name());
            } else if (from != null && policy.versionOf(from).isEmpty()) {
                // A range from an arbitrary ref has no release to count a version from.
                title = "Unreleased";
                currentTag = Optional.empty();
            } else {
                NextVersion next = decider.decide(branch, policy, last, tags, commits);
                title = next.version().map(Object::toString).orElse("Unreleased");
                currentTag = next.tag();
            }
            String markdown = new ChangelogRenderer(Optional.ofNullable(repoUrl).or(history::repositoryUrl))
                    .render(title, last.map(VersionTag::name), currentTag, day, commits);
            write(markdown);
        }
    }

    private LocalDate releaseDate() {
        if (date == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--date '" + date + "' is not a date like 2026-01-31", e);
        }
    }

    private void write(String markdown) {
        if (output == null) {
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, markdown);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write changelog to " + output + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + output);
    }
}
