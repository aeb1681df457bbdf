-- Snapshots withdrawn by `kr snapshot withdraw` (added by mistake): a copy of the store's
-- <sha256>.withdrawn records, synced at every build (the store is the truth, so a fresh
-- rebuild withdraws the same). A withdrawn snapshot's values leave `observations` and keep
-- their history in `observation_vintages` with role 'withdrawn'.
CREATE TABLE withdrawals (
    source_id     VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    sha256        VARCHAR NOT NULL,
    withdrawn_at  TIMESTAMPTZ NOT NULL,
    reason        VARCHAR NOT NULL,
    PRIMARY KEY (source_id, year, sha256)
);
