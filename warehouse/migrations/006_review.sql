-- Numbers a parser read but would not load without a person deciding (an unclear period,
-- another organisation, an unknown measure): `kr review` lists them, `kr review accept`
-- turns one into a curated figure with its quote, `kr review reject` records the decision.
CREATE TABLE review_candidates (
    candidate_id     VARCHAR PRIMARY KEY,  -- stable: from the snapshot, sentence and number
    source_id        VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    snapshot_sha256  VARCHAR NOT NULL,
    load_id          VARCHAR NOT NULL,
    sentence         VARCHAR NOT NULL,
    as_published     VARCHAR NOT NULL,
    value            DOUBLE,
    why              VARCHAR NOT NULL,
    indicator_id     VARCHAR,   -- what the parser would propose, where it could tell
    breakdown        VARCHAR,
    period           VARCHAR,
    qualifier        VARCHAR,
    location         VARCHAR,
    found_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE review_decisions (
    candidate_id   VARCHAR NOT NULL,
    decision       VARCHAR NOT NULL,  -- accepted | rejected
    reason         VARCHAR,
    curated_file   VARCHAR,           -- where an accepted figure was written
    decided_at     TIMESTAMPTZ NOT NULL
);
