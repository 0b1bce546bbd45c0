package io.releasepilot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void shouldAcceptOnlyTheConfiguredBearerToken() {
        ServeEndpoints.Credentials credentials =
                ServeEndpoints.Credentials.fromEnvironment(Map.of("RP_WEBHOOK_TOKEN", "t0k"));

        assertThat(credentials.accepts("Bearer t0k")).isTrue();
        assertThat(credentials.accepts("bearer t0k")).isTrue();
        assertThat(credentials.accepts("Bearer t0k2")).isFalse();
        assertThat(credentials.accepts("Basic " + basic("x", "t0k"))).isFalse();
        assertThat(credentials.accepts(null)).isFalse();
        assertThat(credentials.toString()).doesNotContain("t0k");
    }

    @Test
    void shouldAcceptBasicAuthWhenUserAndPasswordAreSet() {
        ServeEndpoints.Credentials credentials = ServeEndpoints.Credentials.fromEnvironment(
                Map.of("RP_WEBHOOK_USER", "am", "RP_WEBHOOK_PASSWORD", "pw"));

        assertThat(credentials.accepts("Basic " + basic("am", "pw"))).isTrue();
        assertThat(credentials.accepts("Basic " + basic("am", "px"))).isFalse();
        assertThat(credentials.accepts("Basic !!not-base64")).isFalse();
        assertThat(credentials.accepts("Bearer pw")).isFalse();
    }

    @Test
    void shouldRefuseToServeWithoutCredentials() {
        assertThatThrownBy(() -> ServeEndpoints.Credentials.fromEnvironment(Map.of("RP_WEBHOOK_USER", "am")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_WEBHOOK_TOKEN");
    }

    @Test
    void shouldParseTheListenAddress() {
        assertThat(ServeCommand.address("127.0.0.1:8787").getPort()).isEqualTo(8787);
        assertThatThrownBy(() -> ServeCommand.address("8787")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ServeCommand.address("127.0.0.1:99999")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldExitTwoWhenTheSpecIsMissing() {
        StringWriter err = new StringWriter();

        int exit = ReleasePilotCli.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "--spec", "/nonexistent/rp.yml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error:").doesNotContain("Exception");
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
