package io.releasepilot.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.cli.dashboard.DashboardAccess.Viewer;
import io.releasepilot.core.InvalidInputException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardAccessTest {
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();

    @Test
    void shouldAuthenticateByTokenBasicAuthOrTheHeaderOfATrustedProxyOnly() throws Exception {
        DashboardAccess access = access(false);
        InetAddress elsewhere = InetAddress.getByName("192.0.2.7");

        assertThat(access.viewer("Bearer t-1", null, elsewhere)).contains(new Viewer("tina", false, false));
        assertThat(access.viewer(basic("olga", "pw"), null, elsewhere)).contains(new Viewer("olga", false, true));
        assertThat(access.viewer(null, "paul", PROXY)).contains(new Viewer("paul", false, false));
        assertThat(access.viewer(null, "olga", elsewhere))
                .as("header from an untrusted address")
                .isEmpty();
        assertThat(access.viewer(basic("olga", "wrong"), null, elsewhere)).isEmpty();
        assertThat(access.viewer("Bearer nope", null, elsewhere)).isEmpty();
        assertThat(access.viewer("Basic !!!", null, elsewhere)).isEmpty();
        assertThat(access.viewer(null, null, elsewhere)).isEmpty();
    }

    @Test
    void shouldLetAnonymousReadersInOnlyWhenAskedAndNeverAsOperators() {
        assertThat(access(true).viewer(null, null, PROXY)).contains(new Viewer("anonymous", true, false));
        assertThat(access(false).viewer(null, null, PROXY)).isEmpty();
        assertThat(new DashboardAccess(Map.of(), Map.of(), Set.of(), false, Set.of()).anyoneCanRead())
                .isFalse();
    }

    @Test
    void shouldAcceptAPostOnlyWithTheViewersCsrfTokenFromTheSameOrigin() {
        DashboardAccess access = access(false);
        Viewer olga = new Viewer("olga", false, true);
        String token = access.csrfToken(olga);

        assertThat(access.sameSite(olga, token, null, "127.0.0.1:8787")).isTrue();
        assertThat(access.sameSite(olga, token, "http://127.0.0.1:8787", "127.0.0.1:8787"))
                .isTrue();
        assertThat(access.sameSite(olga, token, "https://evil.example", "127.0.0.1:8787"))
                .isFalse();
        assertThat(access.sameSite(olga, token, "null", "127.0.0.1:8787")).isFalse();
        assertThat(access.sameSite(olga, null, null, "127.0.0.1:8787")).isFalse();
        assertThat(access.sameSite(olga, access.csrfToken(new Viewer("rita", false, false)), null, "h"))
                .isFalse();
    }

    @Test
    void shouldParseUsersAndRejectEntriesWithoutASecret() {
        assertThat(DashboardAccess.pairs("RP_DASHBOARD_USERS", "a:1, b:two:3"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "two:3"));
        assertThat(DashboardAccess.pairs("RP_DASHBOARD_USERS", null)).isEmpty();
        assertThatThrownBy(() -> DashboardAccess.pairs("RP_DASHBOARD_USERS", "alice"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_DASHBOARD_USERS", "user:secret");
    }

    private static DashboardAccess access(boolean anonymous) {
        return new DashboardAccess(
                Map.of("olga", "pw"), Map.of("tina", "t-1"), Set.of(PROXY), anonymous, Set.of("olga"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
