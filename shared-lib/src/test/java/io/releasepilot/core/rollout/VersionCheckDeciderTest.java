package io.releasepilot.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.releasepilot.core.release.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCheckDeciderTest {
    private static VersionCheck check(VersionCheck.Source source) {
        return new VersionCheck(
                "http://{{address}}/version",
                List.of("10.0.0.1:8080", "10.0.0.2:8080"),
                200,
                source,
                Duration.ofSeconds(1));
    }

    private static List<VersionCheckDecider.ServerAnswer> answers(
            VersionCheck check, ServerVersions.Answer first, ServerVersions.Answer second) {
        List<VersionCheck.Target> targets = check.targets();
        return List.of(
                new VersionCheckDecider.ServerAnswer(targets.get(0), first),
                new VersionCheckDecider.ServerAnswer(targets.get(1), second));
    }

    private static ServerVersions.Answer.Answered body(String body) {
        return new ServerVersions.Answer.Answered(200, Map.of(), body);
    }

    @Test
    void shouldPassOnlyWhenEveryServerShowsTheVersionBeingReleased() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result =
                VersionCheckDecider.decide(check, "v3", answers(check, body("v3\n"), body("v3\n")));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.reason()).contains("10.0.0.1:8080=v3", "10.0.0.2:8080=v3");
    }

    @Test
    void shouldFailNamingTheVersionsSeenWhenOneServerStillServesTheOldVersion() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result =
                VersionCheckDecider.decide(check, "v3", answers(check, body("v3\n"), body("v2\n")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.reason()).contains("releasing v3", "10.0.0.1:8080=v3", "10.0.0.2:8080=v2 (expected v3)");
        assertThat(result.seen()).extracting(VersionCheckDecider.Seen::observed).containsExactly("v3", "v2");
    }

    @Test
    void shouldNeverPassAServerThatDidNotAnswer() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result = VersionCheckDecider.decide(
                check,
                "v3",
                answers(check, body("v3\n"), new ServerVersions.Answer.Unreachable("ConnectException: refused")));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("10.0.0.2:8080=? (unreachable: ConnectException: refused)");
    }

    @Test
    void shouldPreferFailOverInconclusiveWhenOneServerIsWrongAndAnotherUnreachable() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result = VersionCheckDecider.decide(
                check, "v3", answers(check, body("v2\n"), new ServerVersions.Answer.Unreachable("timeout")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shouldBeInconclusiveWithoutAnyServer() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result = VersionCheckDecider.decide(check, "v3", List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.reason()).contains("no servers");
    }

    @Test
    void shouldFailAWrongStatusEvenWhenTheVersionMatches() {
        VersionCheck check = check(new VersionCheck.Source.Regex("^(\\S+)"));

        VersionCheckDecider.Result result = VersionCheckDecider.decide(
                check, "v3", answers(check, body("v3"), new ServerVersions.Answer.Answered(503, Map.of(), "v3")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.reason()).contains("status 503, expected 200");
    }

    @Test
    void shouldReadTheVersionByJsonPathHeaderOrWholeMatch() {
        ServerVersions.Answer.Answered json = new ServerVersions.Answer.Answered(
                200, Map.of("X-Version", " v3 "), "{\"build\":{\"version\":\"v3\"},\"list\":[1]}");

        assertThat(VersionCheckDecider.read(new VersionCheck.Source.JsonPath("$.build.version"), json))
                .contains("v3");
        assertThat(VersionCheckDecider.read(new VersionCheck.Source.JsonPath("build.missing"), json))
                .isEmpty();
        assertThat(VersionCheckDecider.read(new VersionCheck.Source.JsonPath("list"), json))
                .isEmpty();
        assertThat(VersionCheckDecider.read(new VersionCheck.Source.Header("x-version"), json))
                .contains("v3");
        assertThat(VersionCheckDecider.read(new VersionCheck.Source.Regex("v\\d"), json))
                .contains("v3");
        assertThat(VersionCheckDecider.read(new VersionCheck.Source.JsonPath("$.version"), body("not json")))
                .isEmpty();
    }

    @Test
    void shouldFailAnAnswerThatShowsNoVersion() {
        VersionCheck check = check(new VersionCheck.Source.Header("X-Version"));

        VersionCheckDecider.Result result =
                VersionCheckDecider.decide(check, "v3", answers(check, body("hello"), body("hello")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.reason()).contains("no version in the answer by header X-Version");
    }

    @Test
    void shouldCheckTheOneServerAUrlWithoutPlaceholderNames() {
        VersionCheck check = new VersionCheck(
                "http://127.0.0.1:8082/version",
                List.of(),
                200,
                new VersionCheck.Source.Header("X-Version"),
                Duration.ofSeconds(1));

        assertThat(check.targets(List.of("ignored:1")))
                .singleElement()
                .satisfies(target -> assertThat(target.server()).isEqualTo("127.0.0.1:8082"));
    }
}
