package io.releasepilot.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.spec.ReleaseSpec;
import io.releasepilot.core.spec.SpecFile;
import io.releasepilot.core.spec.SpecReader;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.traffic.TrafficRouterRegistry;
import io.releasepilot.core.traffic.TrafficRouterSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReleaseSessionTest {

    static ReleaseSpec spec(String yaml) {
        return SpecReader.read("release-pilot.yml", yaml).value();
    }

    private static final String SHOP = """
            service: shop
            environments:
              - name: staging
              - name: production
            """;

    static ReleaseSpec shop() {
        return spec(SHOP);
    }

    /** The shop spec as a host reads it from its file, with the hash of its bytes. */
    static SpecFile shopFile() {
        return SpecReader.readFile("release-pilot.yml", SHOP.getBytes(StandardCharsets.UTF_8))
                .value();
    }

    /** A ledger whose settings must never be read: proves a use case did not open it. */
    static Ledger untouchedLedger() {
        Supplier<StateStoreConfig> config = () -> {
            throw new AssertionError("the ledger was opened");
        };
        return Ledger.postgres(config);
    }

    @Test
    void shouldRefuseAnEnvironmentTheSpecDoesNotDeclareNamingTheDeclaredOnes() {
        ReleasePorts ports = ReleasePorts.standard(untouchedLedger(), Map.of());

        assertThatThrownBy(() -> ReleaseSession.open(shop(), "prod", ports))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("environment 'prod' is not declared in the spec (declared: [staging, production])");
        assertThatThrownBy(() -> ReleaseSession.open(shop(), " ", ports))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name the environment");
    }

    @Test
    void shouldTakeTheServiceGivenOverTheSpecsAndStillCheckTheEnvironment() {
        ReleasePorts ports = ReleasePorts.standard(untouchedLedger(), Map.of());

        try (ReleaseSession session = ReleaseSession.open(shopFile(), "checkout", "staging", ports)) {
            assertThat(session.service()).isEqualTo("checkout");
            assertThat(session.environment()).isEqualTo("staging");
        }
        assertThatThrownBy(() -> ReleaseSession.open(shopFile(), "checkout", "qa", ports))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment 'qa' is not declared");
    }

    @Test
    void shouldRecordTheHashOfTheSpecFileItWasOpenedWith() {
        ReleasePorts ports = ReleasePorts.standard(untouchedLedger(), Map.of());

        try (ReleaseSession fromFile = ReleaseSession.open(shopFile(), "staging", ports);
                ReleaseSession fromFileForService = ReleaseSession.open(shopFile(), "checkout", "staging", ports);
                ReleaseSession fromSpec = ReleaseSession.open(shop(), "staging", ports)) {
            assertThat(fromFile.specHash())
                    .isEqualTo(SpecReader.specHash(SHOP.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(fromFileForService.specHash());
            assertThat(fromSpec.specHash()).isNull();
        }
    }

    @Test
    void shouldActWithoutASpecOnlyOnANamedService() {
        ReleasePorts ports = ReleasePorts.standard(untouchedLedger(), Map.of());

        try (ReleaseSession session = ReleaseSession.open(null, "checkout", "production", ports)) {
            assertThat(session.specIfAny()).isEmpty();
            assertThatThrownBy(session::spec)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("needs the spec of 'checkout'");
            assertThatThrownBy(session::router).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> ReleaseSession.open(null, null, "production", ports))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name the service");
    }

    @Test
    void shouldFailWithTheHostsInstructionsWhenItHasNoLedger() {
        ReleasePorts ports = ReleasePorts.standard(Ledger.none("configure the database in Manage Jenkins"), Map.of());

        try (ReleaseSession session = ReleaseSession.open(shop(), "staging", ports)) {
            assertThatThrownBy(session::store)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("configure the database in Manage Jenkins");
            assertThatThrownBy(() -> session.engine(progress -> {}))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("configure the database in Manage Jenkins");
        }
    }

    @Test
    void shouldRouteThroughTheSpecsTrafficSectionUnlessTheHostReplacesIt() {
        ReleasePorts ports = ReleasePorts.standard(untouchedLedger(), Map.of());
        ReleaseSpec routed = spec("""
                service: shop
                environments:
                  - name: staging
                traffic:
                  router: haproxy
                  haproxy: { socket: /run/haproxy/admin.sock, backend: app, stable: blue, canary: green }
                """);

        // The session's router() also reads the ledger's slot map (which slot is live); building one does not.
        try (ReleaseSession session = ReleaseSession.open(routed, "staging", ports)) {
            assertThat(built(session).type()).isEqualTo("haproxy");
            assertThat(built(session).slots().names()).containsExactly("blue", "green");
        }
        try (ReleaseSession session = ReleaseSession.open(shop(), "staging", ports)) {
            assertThatThrownBy(() -> built(session))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("the spec has no traffic section: nothing to route");
        }
        ReleasePorts embedded = ports.withRouters(spec -> TrafficRouterRegistry.create(
                new TrafficRouterSettings.Embedded(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1))));
        try (ReleaseSession session = ReleaseSession.open(shop(), "staging", embedded)) {
            assertThat(built(session).type()).isEqualTo("embedded");
        }
    }

    private static io.releasepilot.core.traffic.TrafficRouter built(ReleaseSession session) {
        return session.ports().routers().apply(session.environmentSpec());
    }
}
