package io.releasepilot.core.version;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses commit messages the way semantic-release does with the {@code conventionalcommits} preset
 * (conventional-commits-parser 6 with that preset's parser options). The patterns below are those options; where
 * the parser is more lenient than the Conventional Commits text (note keywords are case-insensitive, a space may
 * replace the colon) this class follows the parser, because the goal is to pick the version semantic-release
 * would pick. Pure: no I/O.
 */
public final class ConventionalCommitParser {
    // parserOpts.headerPattern / breakingHeaderPattern of conventional-changelog-conventionalcommits.
    private static final Pattern HEADER = Pattern.compile("^(\\w*)(?:\\((.*)\\))?!?: (.*)$");
    private static final Pattern BREAKING_HEADER = Pattern.compile("^(\\w*)(?:\\((.*)\\))?!: (.*)$");
    // conventional-commits-parser's default notes regex over noteKeywords [BREAKING CHANGE, BREAKING-CHANGE], flag i.
    private static final Pattern NOTE =
            Pattern.compile("^[\\s|*]*(BREAKING CHANGE|BREAKING-CHANGE)[:\\s]+(.*)", Pattern.CASE_INSENSITIVE);
    // parserOpts.revertPattern, matched against the whole message.
    private static final Pattern REVERT = Pattern.compile(
            "^(?:Revert|revert:)\\s\"?([\\s\\S]+?)\"?\\s*This reverts commit (\\w*)\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_HEADER = Pattern.compile(
            "^Merge (pull request #\\d+|branch |remote-tracking " + "branch |tag |commit |[0-9a-f]{7,40}( into .*)?$)");
    private static final Pattern ACTION_REFERENCE = Pattern.compile(
            "\\b(close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved|refs?|references?|see)\\b:?\\s+"
                    + "((?:#\\d+(?:\\s*,\\s*|\\s+and\\s+|\\s+)?)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUE = Pattern.compile("(?<![\\w/#])#(\\d+)\\b");

    /** Parses one commit; never throws for a bad message, which is reported in {@link ConventionalCommit#problems}. */
    public ConventionalCommit parse(Commit commit) {
        String message = commit.message().replace("\r\n", "\n").strip();
        int newline = message.indexOf('\n');
        String header = newline < 0 ? message : message.substring(0, newline).strip();
        String body = newline < 0 ? "" : message.substring(newline + 1).strip();

        Optional<Revert> revert = revertOf(message);
        boolean merge = commit.parentCount() > 1 || MERGE_HEADER.matcher(header).find();

        String type = "";
        String scope = "";
        String subject = header;
        Matcher headerMatch = HEADER.matcher(header);
        if (headerMatch.matches()) {
            type = headerMatch.group(1);
            scope = headerMatch.group(2) == null ? "" : headerMatch.group(2);
            subject = headerMatch.group(3);
        }

        List<String> notes = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            Matcher note = NOTE.matcher(line);
            if (note.find()) {
                notes.add(note.group(2).strip());
            }
        }
        Matcher breakingHeader = BREAKING_HEADER.matcher(header);
        if (notes.isEmpty() && breakingHeader.matches()) {
            // The parser adds the subject as the note of a "type!:" header only when no note was written.
            notes.add(breakingHeader.group(3));
        }

        List<String> problems = new ArrayList<>();
        if (message.isEmpty()) {
            problems.add("empty commit message");
        } else if (!merge && revert.isEmpty()) {
            if (!headerMatch.matches()) {
                problems.add("header '" + abbreviate(header) + "' does not match 'type(scope)!: subject'");
            } else if (type.isEmpty()) {
                problems.add("header has no type before ':'");
            } else if (!type.equals(type.toLowerCase(Locale.ROOT)) && !type.equals("FEAT") && !type.equals("FIX")) {
                problems.add("type '" + type + "' is not lower-case; semantic-release matches types case-sensitively");
            } else if (subject.isBlank()) {
                problems.add("empty subject");
            }
        }

        return new ConventionalCommit(
                commit, header, type, scope, subject, body, notes, references(message), revert, merge, problems);
    }

    private static Optional<Revert> revertOf(String message) {
        Matcher m = REVERT.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Revert(m.group(1).strip(), m.group(2)));
    }

    private static List<IssueReference> references(String message) {
        Set<IssueReference> found = new LinkedHashSet<>();
        Set<Integer> withAction = new LinkedHashSet<>();
        Matcher action = ACTION_REFERENCE.matcher(message);
        while (action.find()) {
            Matcher issue = ISSUE.matcher(action.group(2));
            while (issue.find()) {
                int number = parseIssue(issue.group(1));
                if (number > 0) {
                    found.add(new IssueReference(action.group(1), number));
                    withAction.add(number);
                }
            }
        }
        Matcher issue = ISSUE.matcher(message);
        List<IssueReference> bare = new ArrayList<>();
        while (issue.find()) {
            int number = parseIssue(issue.group(1));
            if (number > 0 && !withAction.contains(number)) {
                bare.add(new IssueReference("", number));
            }
        }
        found.addAll(bare);
        return List.copyOf(found);
    }

    private static int parseIssue(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooBig) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 72 ? text : text.substring(0, 69) + "...";
    }
}
