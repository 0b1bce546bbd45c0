package io.releasepilot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.version.ChangelogRenderer;
import io.releasepilot.core.version.CommitHistory;
import io.releasepilot.core.version.CommitWarning;
import io.releasepilot.core.version.NextVersion;
import io.releasepilot.core.version.ReleaseDriver;
import io.releasepilot.core.version.Tagger;
import io.releasepilot.core.version.VersionPlanner;
import io.releasepilot.core.version.VersionTag;
import io.releasepilot.core.version.VersioningPolicy;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-pilot version next|tag}: the next semantic version from Conventional Commits, and its tag. */
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        description = "Semantic versions from Conventional Commits, decided as semantic-release does.",
        subcommands = {VersionCommand.Next.class, VersionCommand.Tag.class})
public final class VersionCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: next or tag");
    }

    /** Prints the next version, or "no release due" (exit 0 either way). */
    @Command(
            name = "next",
            mixinStandardHelpOptions = true,
            description = "Print the next version, or 'no release due'; exit 0 either way.")
    static final class Next implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RepositoryOptions repository;

        @Option(names = "--ref", defaultValue = "HEAD", description = "Commit to release; default: ${DEFAULT-VALUE}")
        String ref;

        @Mixin
        FormatOption output;

        @Override
        public void run() {
            VersioningPolicy policy = repository.policy();
            try (CommitHistory history = repository.open()) {
                String branch = repository.branch(history, ReleasePilotCli.environmentOf(spec));
                NextVersion next = new VersionPlanner(history).next(ref, branch, policy);
                print(spec.commandLine().getOut(), spec.commandLine().getErr(), next, output.format);
            }
        }
    }

    /** Creates the annotated tag of the next version; refuses (exit 0, released=false) when none is due. */
    @Command(
            name = "tag",
            mixinStandardHelpOptions = true,
            description = "Create the annotated tag of the next version (no push). When no release is due, "
                    + "create nothing, say so, and exit 0 with released=false.")
    static final class Tag implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RepositoryOptions repository;

        @Option(names = "--ref", defaultValue = "HEAD", description = "Commit to tag; default: ${DEFAULT-VALUE}")
        String ref;

        @Option(names = "--tagger-name", description = "Tagger name; default: $GIT_COMMITTER_NAME, git config")
        String taggerName;

        @Option(names = "--tagger-email", description = "Tagger e-mail; default: $GIT_COMMITTER_EMAIL, git config")
        String taggerEmail;

        @Option(names = "--repo-url", description = "Repository web URL for changelog links in the tag message")
        String repoUrl;

        @Override
        public void run() {
            VersioningPolicy policy = repository.policy();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (CommitHistory history = repository.open()) {
                String branch = repository.branch(history, ReleasePilotCli.environmentOf(spec));
                NextVersion next = new VersionPlanner(history).next(ref, branch, policy);
                printWarnings(err, next.warnings());
                if (!next.released()) {
                    err.println("refusing to tag: " + next.reason());
                    out.println("released=false");
                    out.println("version=");
                    return;
                }
                Instant now = Instant.now();
                String notes = new ChangelogRenderer(
                                Optional.ofNullable(repoUrl).or(history::repositoryUrl))
                        .render(
                                next.version().orElseThrow().toString(),
                                next.lastRelease().map(VersionTag::name),
                                next.tag(),
                                LocalDate.ofInstant(now, ZoneOffset.UTC),
                                history.commits(next.lastRelease().map(VersionTag::sha), ref));
                VersionTag tag = history.createTag(
                        next.tag().orElseThrow(),
                        next.version().orElseThrow(),
                        ref,
                        "Release " + next.tag().orElseThrow() + "\n\n" + notes,
                        tagger(history, now));
                out.println("created tag " + tag.name() + " at " + tag.sha());
                out.println("released=true");
                out.println("version=" + tag.version());
                out.println("tag=" + tag.name());
            }
        }

        private Tagger tagger(CommitHistory history, Instant now) {
            String name = firstNonBlank(
                    taggerName, ReleasePilotCli.environmentOf(spec).get("GIT_COMMITTER_NAME"));
            String email = firstNonBlank(
                    taggerEmail, ReleasePilotCli.environmentOf(spec).get("GIT_COMMITTER_EMAIL"));
            Optional<Tagger> configured = history.configuredTagger(now);
            if (name == null) {
                name = configured.map(Tagger::name).orElse("release-pilot");
            }
            if (email == null) {
                email = configured.map(Tagger::email).orElse("release-pilot@localhost");
            }
            return new Tagger(name, email, now);
        }

        private static String firstNonBlank(String a, String b) {
            if (a != null && !a.isBlank()) {
                return a;
            }
            return b != null && !b.isBlank() ? b : null;
        }
    }

    static void print(PrintWriter out, PrintWriter err, NextVersion next, OutputFormat format) {
        if (format == OutputFormat.json) {
            out.println(json(next));
            return;
        }
        printWarnings(err, next.warnings());
        if (next.released()) {
            out.println(next.version().orElseThrow());
            out.println("released=true");
            out.println("version=" + next.version().orElseThrow());
            out.println("tag=" + next.tag().orElseThrow());
            out.println("release-type=" + next.releaseType().orElseThrow().label());
        } else {
            out.println("no release due");
            out.println("released=false");
            out.println("version=");
        }
        err.println(next.reason());
    }

    private static void printWarnings(PrintWriter err, List<CommitWarning> warnings) {
        for (CommitWarning warning : warnings) {
            err.println("warning: commit "
                    + warning.sha().substring(0, Math.min(7, warning.sha().length())) + ": " + warning.reason());
        }
    }

    private static String json(NextVersion next) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("released", next.released());
        root.put("version", next.version().map(Object::toString).orElse(null));
        root.put("tag", next.tag().orElse(null));
        root.put("releaseType", next.releaseType().map(t -> t.label()).orElse(null));
        root.put("lastRelease", next.lastRelease().map(VersionTag::name).orElse(null));
        root.put("branch", next.branch());
        root.put("channel", next.channel().orElse(null));
        root.put("reason", next.reason());
        root.put("commitsAnalysed", next.analysed().size());
        ArrayNode drivers = root.putArray("drivers");
        for (ReleaseDriver driver : next.drivers()) {
            ObjectNode node = drivers.addObject();
            node.put("sha", driver.commit().sha());
            node.put("header", driver.commit().header());
            node.put("releaseType", driver.type().name().toLowerCase(Locale.ROOT));
            node.put("rule", driver.rule());
        }
        ArrayNode cancelled = root.putArray("cancelledByRevert");
        next.cancelled().forEach(c -> cancelled.add(c.sha()));
        ArrayNode warnings = root.putArray("warnings");
        for (CommitWarning warning : next.warnings()) {
            warnings.addObject().put("sha", warning.sha()).put("reason", warning.reason());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the version decision as JSON: " + e.getMessage(), e);
        }
    }
}
