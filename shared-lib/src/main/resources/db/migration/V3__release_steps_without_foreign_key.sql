-- The step append (PostgresReleaseStore.recordStep) inserts a step only through a CTE that has just locked the
-- release row, and releases are never deleted, so the foreign key proves nothing the statement has not already
-- proved; its check is a second query run for every step on the hottest write path (bench/run ledger-append).
ALTER TABLE release_steps DROP CONSTRAINT IF EXISTS release_steps_release_id_fkey;
