package io.releasepilot.core.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.release.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether every server of the target shows the version being released: PASS only when each answered with the
 * expected status and exactly that version. A wrong version, a wrong status or an answer without a version is FAIL; a
 * server that did not answer (and no FAIL elsewhere) is INCONCLUSIVE; no server at all is INCONCLUSIVE. Pure.
 */
public final class VersionCheckDecider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SHOWN = 80;

    /** One server's answer to the check. */
    public record ServerAnswer(VersionCheck.Target target, ServerVersions.Answer answer) {
        public ServerAnswer {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * What one server showed.
     *
     * @param observed the version read from its answer; null when none could be read
     * @param problem why it does not pass ("" when it does)
     */
    public record Seen(String server, String url, @Nullable String observed, Verdict verdict, String problem) {
        public Seen {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(problem, "problem");
        }

        /** {@code server=version}, or {@code server: problem}. */
        public String describe() {
            return server + "=" + (observed == null ? "?" : observed) + (problem.isEmpty() ? "" : " (" + problem + ")");
        }
    }

    /** The decision: the verdict, what each server showed, and the sentence that explains it. */
    public record Result(Verdict verdict, String expected, List<Seen> seen, String reason) {
        public Result {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(expected, "expected");
            seen = List.copyOf(seen);
            Objects.requireNonNull(reason, "reason");
        }

        public boolean passed() {
            return verdict == Verdict.PASS;
        }
    }

    private VersionCheckDecider() {}

    /** Decides over {@code answers} whether every server shows {@code expected}. */
    public static Result decide(VersionCheck check, String expected, List<ServerAnswer> answers) {
        List<Seen> seen = new ArrayList<>();
        for (ServerAnswer answer : answers) {
            seen.add(seen(check, expected, answer));
        }
        Verdict verdict;
        if (seen.isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (seen.stream().anyMatch(s -> s.verdict() == Verdict.FAIL)) {
            verdict = Verdict.FAIL;
        } else if (seen.stream().anyMatch(s -> s.verdict() == Verdict.INCONCLUSIVE)) {
            verdict = Verdict.INCONCLUSIVE;
        } else {
            verdict = Verdict.PASS;
        }
        String observed = String.join(", ", seen.stream().map(Seen::describe).toList());
        String reason = switch (verdict) {
            case PASS -> "version check passed: every server of the target shows " + expected + " (" + observed + ")";
            case FAIL ->
                "version check failed: releasing " + expected + " but the target's servers show " + observed
                        + "; deploy " + expected + " to them (or release the version they serve) before traffic"
                        + " moves";
            default ->
                seen.isEmpty()
                        ? "version check inconclusive: the target has no servers to check; list them in"
                                + " versionCheck.servers"
                        : "version check inconclusive: releasing " + expected + " but not every server answered ("
                                + observed + "); no traffic moves to servers whose version is unknown";
        };
        return new Result(verdict, expected, seen, reason);
    }

    private static Seen seen(VersionCheck check, String expected, ServerAnswer server) {
        String name = server.target().server();
        String url = server.target().url().toString();
        if (server.answer() instanceof ServerVersions.Answer.Unreachable unreachable) {
            return new Seen(name, url, null, Verdict.INCONCLUSIVE, "unreachable: " + unreachable.error());
        }
        ServerVersions.Answer.Answered answered = (ServerVersions.Answer.Answered) server.answer();
        Optional<String> version = read(check.source(), answered);
        String observed = version.orElse(null);
        if (answered.status() != check.expectStatus()) {
            return new Seen(
                    name,
                    url,
                    observed,
                    Verdict.FAIL,
                    "status " + answered.status() + ", expected " + check.expectStatus());
        }
        if (version.isEmpty()) {
            return new Seen(
                    name,
                    url,
                    null,
                    Verdict.FAIL,
                    "no version in the answer by " + describe(check.source()) + ": " + shorten(answered.body()));
        }
        if (!version.get().equals(expected)) {
            return new Seen(name, url, observed, Verdict.FAIL, "expected " + expected);
        }
        return new Seen(name, url, observed, Verdict.PASS, "");
    }

    /** The version an answer shows by {@code source}; empty when it shows none. */
    static Optional<String> read(VersionCheck.Source source, ServerVersions.Answer.Answered answer) {
        if (source instanceof VersionCheck.Source.Header header) {
            return answer.header(header.name()).map(String::strip).filter(v -> !v.isEmpty());
        }
        if (source instanceof VersionCheck.Source.Regex regex) {
            Matcher matcher = Pattern.compile(regex.pattern()).matcher(answer.body());
            if (!matcher.find()) {
                return Optional.empty();
            }
            String value = matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group();
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }
        VersionCheck.Source.JsonPath path = (VersionCheck.Source.JsonPath) source;
        try {
            JsonNode node = JSON.readTree(answer.body());
            String dotted = path.path().startsWith("$.") ? path.path().substring(2) : path.path();
            for (String key : dotted.split("\\.")) {
                if (node == null) {
                    return Optional.empty();
                }
                node = node.get(key);
            }
            return node == null || node.isNull() || node.isContainerNode()
                    ? Optional.empty()
                    : Optional.of(node.asText().strip()).filter(v -> !v.isEmpty());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String describe(VersionCheck.Source source) {
        if (source instanceof VersionCheck.Source.Header header) {
            return "header " + header.name();
        }
        if (source instanceof VersionCheck.Source.Regex regex) {
            return "regex " + regex.pattern();
        }
        return "JSON path " + ((VersionCheck.Source.JsonPath) source).path();
    }

    private static String shorten(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_SHOWN ? "'" + line + "'" : "'" + line.substring(0, MAX_SHOWN) + "…'";
    }
}
