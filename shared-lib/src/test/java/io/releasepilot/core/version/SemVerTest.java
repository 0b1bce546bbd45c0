package io.releasepilot.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {
    @Test
    void shouldParseAndPrintAllParts() {
        SemVer version = SemVer.parse("1.2.3-rc.4+build.5");
        assertThat(version.major()).isEqualTo(1);
        assertThat(version.preRelease()).containsExactly("rc", "4");
        assertThat(version.build()).containsExactly("build", "5");
        assertThat(version).hasToString("1.2.3-rc.4+build.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", "1.2", "01.2.3", "1.2.3-", "1.2.3-rc..1", "1.2.3.4", "", "1.2.3-01"})
    void shouldRejectWhatIsNotStrictSemver(String text) {
        assertThat(SemVer.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> SemVer.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a semantic version");
    }

    @Test
    void shouldOrderBySemverPrecedence() {
        // The example list of semver.org §11.
        List<String> ordered = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.1.0",
                "2.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertThat(SemVer.parse(ordered.get(i))).isLessThan(SemVer.parse(ordered.get(i + 1)));
        }
        assertThat(SemVer.parse("1.0.0+a").compareTo(SemVer.parse("1.0.0+b"))).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        // node-semver inc() results
        "1.2.3, MAJOR, 2.0.0",
        "1.2.3, MINOR, 1.3.0",
        "1.2.3, PATCH, 1.2.4",
        "0.3.1, MAJOR, 1.0.0",
        "2.0.0-rc.1, MAJOR, 2.0.0",
        "1.1.0-rc.1, MAJOR, 2.0.0",
        "1.1.0-rc.1, MINOR, 1.1.0",
        "1.1.1-rc.1, MINOR, 1.2.0",
        "1.1.1-rc.1, PATCH, 1.1.1"
    })
    void shouldBumpLikeNodeSemver(String from, ReleaseType type, String expected) {
        assertThat(SemVer.parse(from).bump(type)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"1.1.0-rc.1, 1.1.0-rc.2", "1.1.0-rc.9, 1.1.0-rc.10", "1.1.0-rc, 1.1.0-rc.0", "1.1.0, 1.1.1-0"})
    void shouldBumpPreReleasesLikeNodeSemver(String from, String expected) {
        assertThat(SemVer.parse(from).bumpPreRelease()).hasToString(expected);
    }

    @Test
    void shouldKnowItsChannel() {
        assertThat(SemVer.parse("1.0.0-rc.3").isOnChannel("rc")).isTrue();
        assertThat(SemVer.parse("1.0.0-rcx.3").isOnChannel("rc")).isFalse();
        assertThat(SemVer.parse("1.0.0").isOnChannel("rc")).isFalse();
    }
}
