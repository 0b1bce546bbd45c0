package io.releasepilot.core.traffic.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.traffic.TrafficRouterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaproxyTrafficRouterTest {
    private static final String REPLY = "1\n"
            + "# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight"
            + " srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state"
            + " srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl"
            + " srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n"
            + "3 app 1 blue 127.0.0.1 2 0 75 100 12 6 3 4 6 0 0 0 - 8081 - 0 0 - - 0\n"
            + "3 app 2 green 127.0.0.1 2 8 25 0 12 6 3 4 6 0 0 0 - 8082 - 0 0 - - 0\n"
            + "3 app 3 old 127.0.0.1 0 1 0 0 12 6 3 4 6 0 0 0 - 8083 - 0 0 - - 0\n\n";

    @Test
    void shouldParseWeightsAndStatesFromShowServersState() {
        Map<String, HaproxyTrafficRouter.ServerState> servers = HaproxyTrafficRouter.parseServersState(REPLY, "app");

        assertThat(servers.get("blue"))
                .isEqualTo(
                        new HaproxyTrafficRouter.ServerState("blue", 75, HaproxyTrafficRouter.AdminState.READY, true));
        assertThat(servers.get("green"))
                .isEqualTo(
                        new HaproxyTrafficRouter.ServerState("green", 25, HaproxyTrafficRouter.AdminState.DRAIN, true));
        assertThat(servers.get("old"))
                .isEqualTo(
                        new HaproxyTrafficRouter.ServerState("old", 0, HaproxyTrafficRouter.AdminState.MAINT, false));
    }

    @Test
    void shouldQuoteHaproxyWhenTheBackendIsUnknown() {
        assertThatThrownBy(() -> HaproxyTrafficRouter.parseServersState("Can't find backend.\n", "nope"))
                .isInstanceOf(TrafficRouterException.class)
                .hasMessageContaining("Can't find backend.");
    }
}
