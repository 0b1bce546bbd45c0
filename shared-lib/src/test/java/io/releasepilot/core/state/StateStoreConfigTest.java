package io.releasepilot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.traffic.TrafficSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreConfigTest {

    @Test
    void shouldUseTheEmbeddedDatabaseWhenNoUrlIsSet() {
        StateStoreConfig config = StateStoreConfig.fromEnvironment(Map.of());

        assertThat(config.embedded()).isTrue();
        assertThat(config.dataDirectory()).isEqualTo(Path.of(".release-pilot"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldReadTheServerSettingsAndAPasswordFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "s3cret\n");

        StateStoreConfig config = StateStoreConfig.fromEnvironment(Map.of(
                "RP_DATABASE_URL", "jdbc:postgresql://db:5432/rp",
                "RP_DATABASE_USER", "rp",
                "RP_DATABASE_PASSWORD_FILE", secret.toString(),
                "RP_DATABASE_SCHEMA", "ledger",
                "RP_DATABASE_CONNECT_TIMEOUT_MS", "1500"));

        assertThat(config.embedded()).isFalse();
        assertThat(config.user()).isEqualTo("rp");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.schema()).isEqualTo("ledger");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRejectBadSettingsWithTheVariableName() {
        assertThatThrownBy(() -> StateStoreConfig.fromEnvironment(Map.of("RP_DATABASE_URL", "mysql://x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_DATABASE_URL");
        assertThatThrownBy(() -> StateStoreConfig.fromEnvironment(Map.of("RP_DATABASE_SCHEMA", "x; drop")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_DATABASE_SCHEMA");
        assertThatThrownBy(() -> StateStoreConfig.fromEnvironment(
                        Map.of("RP_DATABASE_PASSWORD", "a", "RP_DATABASE_PASSWORD_FILE", "/b")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StateStoreConfig.fromEnvironment(Map.of("RP_DATABASE_POOL_SIZE", "many")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("RP_DATABASE_POOL_SIZE");
    }

    @Test
    void shouldValidateNamesAndText() {
        assertThat(LedgerInput.name("service", "a'b; c")).isEqualTo("a'b; c");
        assertThatThrownBy(() -> LedgerInput.name("service", "x".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LedgerInput.name("service", "a\0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LedgerInput.name("service", " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TrafficSplit(60, 60)).isInstanceOf(InvalidInputException.class);
    }
}
