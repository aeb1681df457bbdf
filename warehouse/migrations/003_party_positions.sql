-- Party statements per theme (Stem voor kinderen), one set per loaded snapshot.
CREATE TABLE party_positions (
    theme            VARCHAR NOT NULL,
    party            VARCHAR NOT NULL,
    position         INTEGER NOT NULL,   -- order on the page
    statement_no     INTEGER NOT NULL,   -- 0 for a party without statements
    kind             VARCHAR NOT NULL,   -- statement | note | no_statements
    text             VARCHAR,
    manifesto_ref    VARCHAR,            -- the manifesto's paragraph number, where quoted
    rating           INTEGER,            -- 1 (best) .. 6 on the guide's scale, only where the page gives one
    rating_label     VARCHAR,
    source_id        VARCHAR NOT NULL,
    snapshot_sha256  VARCHAR NOT NULL,
    load_id          VARCHAR NOT NULL,
    loaded_at        TIMESTAMPTZ NOT NULL
);
