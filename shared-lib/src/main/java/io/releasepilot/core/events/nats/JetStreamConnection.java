package io.releasepilot.core.events.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.releasepilot.core.events.EventPublishException;
import io.releasepilot.core.events.EventSubjects;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lazily opened NATS connection with the release stream ensured. Connecting lazily lets a relay start while NATS is
 * down and connect once it is back; jnats reconnects by itself after that.
 */
final class JetStreamConnection implements AutoCloseable {
    private static final int STREAM_NOT_FOUND = 10059;

    private final NatsConfig config;
    /** Null until first used and after {@link #close()}: the connection and its JetStream context come as one. */
    private @Nullable Session session;

    private record Session(Connection connection, JetStream jetStream) {}

    JetStreamConnection(NatsConfig config) {
        this.config = config;
    }

    synchronized Connection connection() {
        return session().connection();
    }

    synchronized JetStream jetStream() {
        return session().jetStream();
    }

    private Session session() {
        Session current = session;
        if (current == null || current.connection().getStatus() == Connection.Status.CLOSED) {
            current = open();
            session = current;
        }
        return current;
    }

    NatsConfig config() {
        return config;
    }

    private Session open() {
        Options options = Options.builder()
                .servers(config.url().split(","))
                .connectionTimeout(config.timeout())
                .maxReconnects(-1)
                .reconnectWait(java.time.Duration.ofMillis(250))
                .errorListener(new io.nats.client.ErrorListener() {})
                .build();
        Connection opened = null;
        try {
            opened = Nats.connect(options);
            ensureStream(opened.jetStreamManagement());
            return new Session(
                    opened,
                    opened.jetStream(JetStreamOptions.builder()
                            .requestTimeout(config.timeout())
                            .build()));
        } catch (IOException | JetStreamApiException e) {
            closeQuietly(opened);
            throw new EventPublishException(
                    "cannot reach NATS JetStream at " + config.url() + " (RP_NATS_URL): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(opened);
            throw new EventPublishException("interrupted while connecting to NATS at " + config.url(), e);
        }
    }

    /** Creates the stream, or adds our subjects and duplicate window to an existing one. */
    private void ensureStream(JetStreamManagement management) throws IOException, JetStreamApiException {
        StreamInfo info;
        try {
            info = management.getStreamInfo(config.stream());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            management.addStream(StreamConfiguration.builder()
                    .name(config.stream())
                    .subjects(EventSubjects.ALL)
                    .storageType(StorageType.File)
                    .duplicateWindow(config.duplicateWindow())
                    .build());
            return;
        }
        StreamConfiguration current = info.getConfiguration();
        List<String> subjects = current.getSubjects();
        if (!subjects.contains(EventSubjects.ALL) || !config.duplicateWindow().equals(current.getDuplicateWindow())) {
            StreamConfiguration.Builder updated =
                    StreamConfiguration.builder(current).duplicateWindow(config.duplicateWindow());
            if (!subjects.contains(EventSubjects.ALL)) {
                updated.addSubjects(EventSubjects.ALL);
            }
            management.updateStream(updated.build());
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        Session current = session;
        session = null;
        if (current != null) {
            closeQuietly(current.connection());
        }
    }
}
