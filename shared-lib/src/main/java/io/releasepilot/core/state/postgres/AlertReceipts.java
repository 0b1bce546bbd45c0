package io.releasepilot.core.state.postgres;

import io.releasepilot.core.state.LedgerInput;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The alerts that already rolled a release back, so a repeated Alertmanager webhook does nothing new. */
final class AlertReceipts {
    private final Sql sql;
    private final Clock clock;

    AlertReceipts(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    Set<String> handled(Collection<String> alertKeys) {
        if (alertKeys.isEmpty()) {
            return Set.of();
        }
        return sql.transaction("read handled alerts", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT alert_key FROM alert_receipts WHERE alert_key = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", alertKeys.toArray()));
                Set<String> handled = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        handled.add(rows.getString(1));
                    }
                }
                return Set.copyOf(handled);
            }
        });
    }

    void record(UUID releaseId, String groupKey, Collection<String> alertKeys) {
        Objects.requireNonNull(releaseId, "releaseId");
        LedgerInput.text("alert group key", groupKey, LedgerInput.MAX_LONG_TEXT);
        for (String key : alertKeys) {
            LedgerInput.text("alert key", key, LedgerInput.MAX_SHORT_TEXT);
        }
        sql.transaction("record handled alerts", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_receipts (alert_key,"
                    + " group_key, release_id, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (alert_key) DO NOTHING")) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                for (String key : alertKeys) {
                    insert.setString(1, key);
                    insert.setString(2, groupKey);
                    insert.setObject(3, releaseId);
                    Sql.setInstant(insert, 4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
