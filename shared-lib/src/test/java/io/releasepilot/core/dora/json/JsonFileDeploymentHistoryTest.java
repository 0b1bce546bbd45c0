package io.releasepilot.core.dora.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.dora.Deployment;
import io.releasepilot.core.dora.DeploymentHistory;
import io.releasepilot.core.dora.DeploymentHistoryContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment-history contract for a JSON file. The file lists the deployments newest first (as an export from a
 * tool that sorts by recency would), so the adapter must order them itself.
 */
class JsonFileDeploymentHistoryTest extends DeploymentHistoryContractTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Override
    protected DeploymentHistory historyOf(List<Recorded> deployments) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            Recorded recorded = deployments.get(i);
            Instant started = START.plus(Duration.ofHours(i));
            ObjectNode node = array.addObject()
                    .put("service", recorded.service())
                    .put("environment", recorded.environment())
                    .put("version", recorded.version())
                    .put("started", started.toString())
                    .put("finished", started.plus(Duration.ofMinutes(10)).toString())
                    .put("outcome", recorded.outcome().name().toLowerCase(java.util.Locale.ROOT));
            recorded.firstCommitAt().ifPresent(at -> node.put("firstCommitAt", at.toString()));
        }
        try {
            Path file = Files.createTempFile(dir, "deployments", ".json");
            Files.writeString(file, JSON.writeValueAsString(array));
            return JsonFileDeploymentHistory.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean readsEveryServiceForAnEmptyName() {
        return true;
    }

    @Test
    void shouldReadTheHotfixMarker() throws IOException {
        Path file = Files.writeString(dir.resolve("hotfix.json"), """
                [{"service": "api", "environment": "prod", "version": "1.0.1", "started": "2026-03-01T08:00:00Z",
                  "finished": "2026-03-01T08:05:00Z", "outcome": "SUCCEEDED", "hotfix": true}]
                """);

        List<Deployment> deployments = JsonFileDeploymentHistory.read(file).deployments("api", "prod", START);

        assertThat(deployments)
                .singleElement()
                .satisfies(d -> assertThat(d.hotfix()).isTrue());
    }

    @Test
    void shouldNameTheFileAndIndexOfABadEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                [{"service": "api", "environment": "prod", "version": "1", "started": "2026-03-01T08:00:00Z",
                  "finished": "2026-03-01T08:05:00Z", "outcome": "SUCCEEDED"},
                 {"service": "api", "environment": "prod", "version": "2", "started": "yesterday",
                  "finished": "2026-03-01T08:05:00Z", "outcome": "SUCCEEDED"}]
                """);

        assertThatThrownBy(() -> JsonFileDeploymentHistory.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + "[1].started: 'yesterday' is not an ISO-8601 instant");
        assertThatThrownBy(() -> JsonFileDeploymentHistory.read(dir.resolve("missing.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot read deployments file " + dir.resolve("missing.json"));
    }
}
