package io.releasepilot.core.notify.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.releasepilot.core.notify.Delivery;
import io.releasepilot.core.notify.DeliveryLog;
import io.releasepilot.core.notify.DeliveryState;
import io.releasepilot.core.notify.Notification;
import io.releasepilot.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The delivery log in the ledger's database. An attempt holds its row with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction while the channel runs, so two notifiers never send the same delivery at once, and a notifier killed mid
 * attempt leaves the row pending (its transaction dies with its connection): it is sent again, with the same delivery key.
 */
public final class PostgresDeliveryLog implements DeliveryLog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String COLUMNS =
            "id, dedup_key, channel, notification::text AS notification, state, attempts, next_attempt_at, last_error,"
                    + " delivered_at";

    private final DataSource dataSource;

    public PostgresDeliveryLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public int enqueue(List<Delivery> deliveries, String consumer, long position) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int added = 0;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_deliveries"
                        + " (dedup_key, event_id, release_id, service, channel, event_type, severity, notification, state,"
                        + " attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?)"
                        + " ON CONFLICT (dedup_key) DO NOTHING")) {
                    for (Delivery delivery : deliveries) {
                        Notification n = delivery.notification();
                        insert.setString(1, delivery.dedupKey());
                        insert.setObject(2, n.eventId());
                        insert.setObject(3, n.releaseId());
                        insert.setString(4, n.service());
                        insert.setString(5, delivery.channel());
                        insert.setString(6, n.eventType().name());
                        insert.setString(7, n.severity().name());
                        insert.setString(8, JSON.writeValueAsString(n));
                        insert.setTimestamp(9, Timestamp.from(delivery.nextAttemptAt()));
                        insert.setTimestamp(10, Timestamp.from(n.time()));
                        added += insert.executeUpdate();
                    }
                }
                if (position >= 0) {
                    try (PreparedStatement move = connection.prepareStatement("INSERT INTO notifier_positions"
                            + " (consumer, last_sequence, updated_at) VALUES (?, ?, now()) ON CONFLICT (consumer)"
                            + " DO UPDATE SET last_sequence = GREATEST(notifier_positions.last_sequence,"
                            + " EXCLUDED.last_sequence), updated_at = now()")) {
                        move.setString(1, consumer);
                        move.setLong(2, position);
                        move.executeUpdate();
                    }
                }
                connection.commit();
                return added;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw failure("store deliveries", e);
        }
    }

    @Override
    public long position(String consumer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT last_sequence FROM notifier_positions WHERE consumer = ?")) {
            select.setString(1, consumer);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read the notifier position", e);
        }
    }

    @Override
    public int attemptDue(String service, Instant now, int limit, Attempt attempt) {
        int attempted = 0;
        while (attempted < limit) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                Delivery delivery;
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM notification_deliveries WHERE state = 'PENDING' AND service = ? AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                    select.setString(1, service);
                    select.setTimestamp(2, Timestamp.from(now));
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            connection.rollback();
                            return attempted;
                        }
                        delivery = delivery(rows);
                    }
                }
                AttemptResult result = attempt.attempt(delivery);
                try (PreparedStatement update = connection.prepareStatement("UPDATE notification_deliveries"
                        + " SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " delivered_at = CASE WHEN ? = 'DELIVERED' THEN now() ELSE NULL END WHERE id = ?")) {
                    update.setString(1, result.state().name());
                    update.setTimestamp(2, Timestamp.from(result.nextAttemptAt()));
                    update.setString(3, result.state() == DeliveryState.DELIVERED ? null : result.detail());
                    update.setString(4, result.state().name());
                    update.setLong(5, delivery.id());
                    update.executeUpdate();
                }
                connection.commit();
                attempted++;
            } catch (SQLException e) {
                throw failure("record a delivery attempt", e);
            }
        }
        return attempted;
    }

    @Override
    public List<Delivery> list(boolean failedOnly, int limit) {
        String where = failedOnly ? " WHERE state = 'DEAD' OR (state = 'PENDING' AND attempts > 0)" : "";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM notification_deliveries" + where + " ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(delivery(rows));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw failure("list deliveries", e);
        }
    }

    @Override
    public Optional<Delivery> find(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM notification_deliveries WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(delivery(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read delivery " + id, e);
        }
    }

    @Override
    public boolean retry(long id, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE notification_deliveries"
                                + " SET state = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? AND state <> 'DELIVERED'")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("retry delivery " + id, e);
        }
    }

    private static Delivery delivery(ResultSet rows) throws SQLException {
        Notification notification;
        try {
            notification = JSON.readValue(rows.getString("notification"), Notification.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("delivery " + rows.getLong("id") + " holds no readable notification: " + e, e);
        }
        return new Delivery(
                rows.getLong("id"),
                rows.getString("dedup_key"),
                rows.getString("channel"),
                notification,
                DeliveryState.valueOf(rows.getString("state")),
                rows.getInt("attempts"),
                rows.getTimestamp("next_attempt_at").toInstant(),
                rows.getString("last_error"),
                instant(rows.getTimestamp("delivered_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static StateStoreException failure(String what, Exception e) {
        return new StateStoreException("cannot " + what + " in the delivery log: " + e.getMessage(), e);
    }
}
