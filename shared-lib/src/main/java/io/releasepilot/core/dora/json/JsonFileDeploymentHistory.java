package io.releasepilot.core.dora.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.dora.Deployment;
import io.releasepilot.core.dora.DeploymentHistory;
import io.releasepilot.core.dora.DeploymentOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Deployments from a JSON file: an array of objects with {@code service}, {@code environment}, {@code version},
 * {@code started}, {@code finished} (ISO-8601 instants), {@code outcome} (SUCCEEDED | ROLLED_BACK | FAILED), and the
 * optional {@code firstCommitAt} and {@code hotfix}, in any order (they are listed oldest first). Every entry is listed
 * whatever {@code since}: the file is the window. A local file, so no call can hang.
 */
public final class JsonFileDeploymentHistory implements DeploymentHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Deployment> deployments;

    private JsonFileDeploymentHistory(List<Deployment> deployments) {
        this.deployments = List.copyOf(deployments);
    }

    /** Reads and validates the whole file; every problem names the file and the array index. */
    public static JsonFileDeploymentHistory read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read deployments file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException("deployments file " + file + " must contain a JSON array of deployments");
        }
        List<Deployment> result = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            result.add(deployment(root.get(i), file + "[" + i + "]"));
        }
        // Exports are often newest first; the port promises oldest first (a stable sort keeps ties in file order).
        result.sort(Comparator.comparing(Deployment::started).thenComparing(Deployment::finished));
        return new JsonFileDeploymentHistory(result);
    }

    private static Deployment deployment(JsonNode node, String where) {
        String service = text(node, "service", where);
        String environment = text(node, "environment", where);
        String version = text(node, "version", where);
        String outcome = text(node, "outcome", where).toUpperCase(Locale.ROOT);
        DeploymentOutcome parsed;
        try {
            parsed = DeploymentOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    where + ".outcome: '" + outcome + "' is not one of SUCCEEDED, ROLLED_BACK, FAILED", e);
        }
        JsonNode firstCommit = node.get("firstCommitAt");
        return new Deployment(
                service,
                environment,
                version,
                instant(text(node, "started", where), where + ".started"),
                instant(text(node, "finished", where), where + ".finished"),
                parsed,
                firstCommit == null || firstCommit.isNull()
                        ? Optional.empty()
                        : Optional.of(instant(firstCommit.asText(), where + ".firstCommitAt")),
                node.path("hotfix").asBoolean(false));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new InvalidInputException(where + ": missing '" + field + "'");
        }
        return value.asText();
    }

    private static Instant instant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where + ": '" + text + "' is not an ISO-8601 instant", e);
        }
    }

    @Override
    public List<Deployment> deployments(String service, String environment, Instant since) {
        return deployments.stream()
                .filter(d -> service.isEmpty() || d.service().equals(service))
                .filter(d -> environment.isEmpty() || d.environment().equals(environment))
                .toList();
    }
}
