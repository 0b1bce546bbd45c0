package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.releasepilot.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may post to {@code serve}: every configuration (token, basic, both, neither, half a pair) against every kind of
 * {@code Authorization} header (right, wrong, empty parts, wrong case).
 */
class ServeAuthMatrixTest {
    private static final String TOKEN = "t0k-en";
    private static final String USER = "am";
    private static final String PASSWORD = "pa55";

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> configured(boolean token, boolean basicAuth) {
        if (token && basicAuth) {
            return Map.of("RP_WEBHOOK_TOKEN", TOKEN, "RP_WEBHOOK_USER", USER, "RP_WEBHOOK_PASSWORD", PASSWORD);
        }
        if (token) {
            return Map.of("RP_WEBHOOK_TOKEN", TOKEN);
        }
        return Map.of("RP_WEBHOOK_USER", USER, "RP_WEBHOOK_PASSWORD", PASSWORD);
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // configuration: token, basic; header; accepted
                Arguments.of(true, false, "Bearer " + TOKEN, true),
                Arguments.of(true, false, "bearer " + TOKEN, true), // the scheme is case-insensitive (RFC 7235)
                Arguments.of(true, false, "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT), false),
                Arguments.of(true, false, "Bearer ", false),
                Arguments.of(true, false, "Bearer", false),
                Arguments.of(true, false, "Bearer " + TOKEN + "x", false),
                Arguments.of(true, false, TOKEN, false),
                Arguments.of(true, false, basic(USER + ":" + PASSWORD), false),
                Arguments.of(true, false, basic(USER + ":"), false),
                Arguments.of(true, false, basic(":"), false),
                Arguments.of(true, false, null, false),
                Arguments.of(true, false, "", false),
                Arguments.of(false, true, basic(USER + ":" + PASSWORD), true),
                Arguments.of(
                        false,
                        true,
                        "basic " + Base64.getEncoder().encodeToString("am:pa55".getBytes(StandardCharsets.UTF_8)),
                        true),
                Arguments.of(false, true, basic(USER + ":"), false),
                Arguments.of(false, true, basic(":" + PASSWORD), false),
                Arguments.of(false, true, basic(":"), false),
                Arguments.of(false, true, basic("AM:" + PASSWORD), false),
                Arguments.of(false, true, basic(USER + ":" + PASSWORD.toUpperCase(java.util.Locale.ROOT)), false),
                Arguments.of(false, true, "Basic not-base64!", false),
                Arguments.of(false, true, "Basic ", false),
                Arguments.of(false, true, "Bearer " + TOKEN, false),
                Arguments.of(false, true, "Bearer ", false),
                Arguments.of(true, true, "Bearer " + TOKEN, true),
                Arguments.of(true, true, basic(USER + ":" + PASSWORD), true),
                Arguments.of(true, true, basic(USER + ":"), false),
                Arguments.of(true, true, basic(USER + ":" + TOKEN), false),
                Arguments.of(true, true, "Bearer " + PASSWORD, false),
                Arguments.of(true, true, null, false));
    }

    @ParameterizedTest(name = "token={0} basic={1} header={2} -> {3}")
    @MethodSource("matrix")
    void shouldAcceptExactlyTheConfiguredCredentials(
            boolean token, boolean basicAuth, @Nullable String header, boolean accepted) {
        ServeEndpoints.Credentials credentials =
                ServeEndpoints.Credentials.fromEnvironment(configured(token, basicAuth));

        assertThat(credentials.accepts(header)).isEqualTo(accepted);
    }

    static Stream<Map<String, String>> refused() {
        return Stream.of(
                Map.of(),
                Map.of("RP_WEBHOOK_TOKEN", ""),
                Map.of("RP_WEBHOOK_USER", USER),
                Map.of("RP_WEBHOOK_PASSWORD", PASSWORD),
                Map.of("RP_WEBHOOK_USER", USER, "RP_WEBHOOK_PASSWORD", ""),
                // the case of the issue: a token and a user but no password never enables basic auth
                Map.of("RP_WEBHOOK_TOKEN", TOKEN, "RP_WEBHOOK_USER", USER),
                Map.of("RP_WEBHOOK_TOKEN", TOKEN, "RP_WEBHOOK_USER", USER, "RP_WEBHOOK_PASSWORD", ""),
                Map.of("RP_WEBHOOK_TOKEN", TOKEN, "RP_WEBHOOK_PASSWORD", PASSWORD));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void shouldRefuseToStartWithNeitherOrHalfAPair(Map<String, String> environment) {
        assertThatThrownBy(() -> ServeEndpoints.Credentials.fromEnvironment(environment))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_WEBHOOK_");
    }

    @Test
    void shouldCompareCredentialsInConstantTime() {
        JavaClass credentials = new ClassFileImporter().importClass(ServeEndpoints.Credentials.class);

        assertThat(credentials.getMethodCallsFromSelf())
                .extracting(JavaMethodCall::getTarget)
                .extracting(target -> target.getOwner().getName() + "." + target.getName())
                .contains("java.security.MessageDigest.isEqual")
                .doesNotContain("java.lang.String.equals", "java.util.Arrays.equals", "java.lang.String.contentEquals");
    }
}
