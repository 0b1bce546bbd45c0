package io.releasepilot.core.state.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releasepilot.core.release.ReleaseStrategy;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseRequest;
import io.releasepilot.core.state.ReleaseStep;
import io.releasepilot.core.state.ReleaseStore;
import io.releasepilot.core.state.ReleaseStoreContractTest;
import io.releasepilot.core.state.StartOptions;
import io.releasepilot.core.state.StateStoreConfig;
import io.releasepilot.core.state.StepDetail;
import io.releasepilot.core.testing.LedgerDatabases;
import io.releasepilot.core.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger contract against the real Postgres 15 of scripts/services, in a schema of its own. */
class PostgresReleaseStoreIT extends ReleaseStoreContractTest {
    private static StateStoreConfig config;
    private static PostgresReleaseStore store;

    @BeforeAll
    static void open() {
        config = LedgerDatabases.freshSchema().withPoolSize(24);
        store = PostgresReleaseStore.open(config);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ReleaseStore store() {
        return store;
    }

    @Test
    void shouldReadStepRowsWrittenBeforeTheDetailsWereTypedAsTheirRecords() throws Exception {
        Release release = store.start(
                ReleaseRequest.of(uniqueService(), "prod", "1.0.0", ReleaseStrategy.CANARY, Actor.of("ci")),
                StartOptions.failFast());
        List<LegacyStepRows.Row> rows = LegacyStepRows.all();
        // As the 0.1.0 ledger inserted them: the details as JSONB, the kind, verdict and weights in their columns.
        try (Connection connection = DriverManager.getConnection(
                        TestServices.get("RP_PG_URL"),
                        TestServices.get("RP_PG_USER"),
                        TestServices.get("RP_PG_PASSWORD"));
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + config.schema()
                        + ".release_steps (release_id, step_index, kind, stable_weight, canary_weight, verdict,"
                        + " details, recorded_at, event_id) VALUES (?, 1, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            for (LegacyStepRows.Row row : rows) {
                insert.setObject(1, release.id());
                insert.setString(2, row.kind().name());
                insert.setObject(3, row.weights() == null ? null : row.weights().stable(), java.sql.Types.INTEGER);
                insert.setObject(4, row.weights() == null ? null : row.weights().canary(), java.sql.Types.INTEGER);
                insert.setString(5, row.verdict() == null ? null : row.verdict().name());
                insert.setString(6, row.json());
                insert.setObject(7, OffsetDateTime.ofInstant(LegacyStepRows.RECORDED_AT, ZoneOffset.UTC));
                insert.setObject(8, UUID.randomUUID());
                insert.executeUpdate();
            }
        }

        List<ReleaseStep> steps = store.steps(release.id());

        assertThat(steps).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            LegacyStepRows.Row row = rows.get(i);
            StepDetail read = steps.get(i).step().detail();
            if (row.expected() instanceof StepDetail.Unrecognised expected) {
                // JSONB normalises the text; what is kept is the same JSON.
                assertThat(read).isInstanceOf(StepDetail.Unrecognised.class);
                ObjectMapper json = new ObjectMapper();
                assertThat(json.readTree(((StepDetail.Unrecognised) read).json()))
                        .isEqualTo(json.readTree(expected.json()));
            } else {
                assertThat(read).as(row.name()).isEqualTo(row.expected());
            }
            assertThat(steps.get(i).step().kind()).as(row.name()).isEqualTo(row.kind());
            assertThat(steps.get(i).step().verdict()).as(row.name()).isEqualTo(row.verdict());
            assertThat(steps.get(i).step().weights()).as(row.name()).isEqualTo(row.weights());
        }
    }
}
