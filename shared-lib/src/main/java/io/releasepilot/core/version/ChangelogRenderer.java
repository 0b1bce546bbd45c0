package io.releasepilot.core.version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders release notes in Markdown, grouped as Features, Bug Fixes, Performance, Reverts and BREAKING CHANGES, in
 * the spirit of conventional-changelog's {@code conventionalcommits} writer: scopes in bold, short-sha commit links
 * and issue links when the repository URL is known. Revert pairs inside the range are left out, as the writer does.
 */
public final class ChangelogRenderer {
    private static final Pattern ISSUE = Pattern.compile("(?<![\\w/#\\[])#(\\d{1,9})\\b");

    private final Optional<String> repositoryUrl;
    private final ConventionalCommitParser parser = new ConventionalCommitParser();

    /** @param repositoryUrl web URL of the repository ({@code https://github.com/o/r}); empty renders no links */
    public ChangelogRenderer(Optional<String> repositoryUrl) {
        this.repositoryUrl = repositoryUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * Renders one release section.
     *
     * @param title the version or label of the section ({@code 1.2.0}, {@code Unreleased})
     * @param previousTag the tag the range starts after, for the compare link
     * @param currentTag the tag the range ends at, for the compare link
     * @param date the release date
     * @param commitsNewestFirst the commits of the range, newest first
     */
    public String render(
            String title,
            Optional<String> previousTag,
            Optional<String> currentTag,
            LocalDate date,
            List<Commit> commitsNewestFirst) {
        List<ConventionalCommit> parsed =
                commitsNewestFirst.stream().map(parser::parse).toList();
        List<ConventionalCommit> kept = RevertedCommits.filter(parsed).kept().stream()
                .filter(c -> !c.merge())
                .toList();

        StringBuilder md = new StringBuilder("## ");
        if (repositoryUrl.isPresent() && previousTag.isPresent() && currentTag.isPresent()) {
            md.append('[')
                    .append(title)
                    .append("](")
                    .append(repositoryUrl.get())
                    .append("/compare/")
                    .append(previousTag.get())
                    .append("...")
                    .append(currentTag.get())
                    .append(')');
        } else {
            md.append(title);
        }
        md.append(" (").append(date).append(")\n");

        int sections = 0;
        sections += section(
                md, "Features", kept, c -> c.type().equals("feat") || c.type().equals("FEAT"));
        sections += section(
                md, "Bug Fixes", kept, c -> c.type().equals("fix") || c.type().equals("FIX"));
        sections += section(md, "Performance", kept, c -> c.type().equals("perf"));
        sections += section(md, "Reverts", kept, c -> c.revert().isPresent());
        sections += breakingSection(md, kept);
        if (sections == 0) {
            md.append("\nNo user-facing changes.\n");
        }
        return md.toString();
    }

    private int section(
            StringBuilder md,
            String heading,
            List<ConventionalCommit> commits,
            java.util.function.Predicate<ConventionalCommit> member) {
        List<ConventionalCommit> items = sorted(commits.stream()
                .filter(member)
                .filter(c -> c.problems().isEmpty())
                .toList());
        if (items.isEmpty()) {
            return 0;
        }
        md.append("\n### ").append(heading).append("\n\n");
        for (ConventionalCommit commit : items) {
            String text =
                    commit.revert().isPresent() && !commit.type().equals("revert") ? commit.header() : commit.subject();
            md.append("* ")
                    .append(scope(commit))
                    .append(linkIssues(text))
                    .append(" (")
                    .append(commitLink(commit.commit()))
                    .append(')')
                    .append(footerReferences(commit, text))
                    .append('\n');
        }
        return 1;
    }

    private int breakingSection(StringBuilder md, List<ConventionalCommit> commits) {
        List<ConventionalCommit> items =
                sorted(commits.stream().filter(ConventionalCommit::breaking).toList());
        if (items.isEmpty()) {
            return 0;
        }
        md.append("\n### BREAKING CHANGES\n\n");
        for (ConventionalCommit commit : items) {
            for (String note : commit.breakingNotes()) {
                md.append("* ")
                        .append(scope(commit))
                        .append(linkIssues(note))
                        .append(" (")
                        .append(commitLink(commit.commit()))
                        .append(")\n");
            }
        }
        return 1;
    }

    private static List<ConventionalCommit> sorted(List<ConventionalCommit> commits) {
        List<ConventionalCommit> copy = new ArrayList<>(commits);
        copy.sort(Comparator.comparing(ConventionalCommit::scope).thenComparing(ConventionalCommit::subject));
        return copy;
    }

    private static String scope(ConventionalCommit commit) {
        return commit.scope().isEmpty() ? "" : "**" + commit.scope() + ":** ";
    }

    private String commitLink(Commit commit) {
        return repositoryUrl
                .map(url -> "[" + commit.shortSha() + "](" + url + "/commit/" + commit.sha() + ")")
                .orElse(commit.shortSha());
    }

    private String issueLink(int number) {
        return repositoryUrl
                .map(url -> "[#" + number + "](" + url + "/issues/" + number + ")")
                .orElse("#" + number);
    }

    private String linkIssues(String text) {
        Matcher m = ISSUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(issueLink(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String footerReferences(ConventionalCommit commit, String shownText) {
        Set<Integer> shown = new LinkedHashSet<>();
        Matcher m = ISSUE.matcher(shownText);
        while (m.find()) {
            shown.add(Integer.parseInt(m.group(1)));
        }
        StringBuilder out = new StringBuilder();
        for (IssueReference reference : commit.references()) {
            if (shown.add(reference.number())) {
                out.append(", ")
                        .append(reference.action().isEmpty() ? "refs" : reference.action())
                        .append(' ')
                        .append(issueLink(reference.number()));
            }
        }
        return out.toString();
    }
}
