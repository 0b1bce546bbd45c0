package io.releasepilot.core.state.postgres;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.state.LedgerInput;
import io.releasepilot.core.state.Slot;
import io.releasepilot.core.state.SlotMap;
import io.releasepilot.core.state.SlotState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The slot map table ({@code V4__slot_map.sql}): read and written per service + environment. */
final class LedgerSlots {
    private final Sql sql;
    private final Clock clock;

    LedgerSlots(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    SlotMap read(String service, String environment) {
        return sql.transaction("read the slot map", connection -> read(connection, service, environment));
    }

    SlotMap record(String service, String environment, List<Slot.Change> changes) {
        LedgerInput.text("service", service, LedgerInput.MAX_SHORT_TEXT);
        LedgerInput.text("environment", environment, LedgerInput.MAX_SHORT_TEXT);
        Objects.requireNonNull(changes, "changes");
        long live = changes.stream().filter(c -> c.state() == SlotState.LIVE).count();
        if (live > 1) {
            throw new InvalidInputException("at most one slot is live, the changes make " + live + " live");
        }
        // Demotions first, so the one-live index never sees two live slots inside the transaction.
        List<Slot.Change> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(c -> c.state() == SlotState.LIVE));
        return sql.transaction("record the slot map", connection -> {
            SlotMap before = read(connection, service, environment);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (Slot.Change change : ordered) {
                if (change.state() == SlotState.LIVE) {
                    before.live()
                            .filter(s -> !s.name().equals(change.name())
                                    && changes.stream().noneMatch(c -> c.name().equals(s.name())))
                            .ifPresent(s -> {
                                throw new InvalidInputException("slot " + s.name() + " is still live in " + service
                                        + "/" + environment + "; demote it in the same change");
                            });
                }
                Slot old = before.slot(change.name()).orElse(null);
                String version = change.version() != null ? change.version() : old == null ? null : old.version();
                boolean moved = old == null || old.state() != change.state() || !Objects.equals(old.version(), version);
                Instant since = moved || old == null ? now : old.since();
                upsert(connection, service, environment, change.name(), version, change.state(), since);
            }
            return read(connection, service, environment);
        });
    }

    private static void upsert(
            Connection connection,
            String service,
            String environment,
            String slot,
            @org.jspecify.annotations.Nullable String version,
            SlotState state,
            Instant since)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO slots (service, environment, slot,"
                + " version, state, since) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (service, environment, slot) DO UPDATE"
                + " SET version = EXCLUDED.version, state = EXCLUDED.state, since = EXCLUDED.since")) {
            upsert.setString(1, service);
            upsert.setString(2, environment);
            upsert.setString(3, slot);
            upsert.setString(4, version);
            upsert.setString(5, state.name());
            Sql.setInstant(upsert, 6, since);
            upsert.executeUpdate();
        }
    }

    private static SlotMap read(Connection connection, String service, String environment) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT slot, version, state, since FROM slots"
                + " WHERE service = ? AND environment = ? ORDER BY slot")) {
            select.setString(1, service);
            select.setString(2, environment);
            List<Slot> slots = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    slots.add(new Slot(
                            rows.getString("slot"),
                            rows.getString("version"),
                            SlotState.valueOf(rows.getString("state")),
                            Objects.requireNonNull(Sql.instant(rows, "since"), "since")));
                }
            }
            return new SlotMap(service, environment, slots);
        }
    }
}
