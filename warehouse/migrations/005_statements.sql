-- Data model 2: series identity and precedence.
--
-- Version 1 kept one chain of vintages per key, written in load order: when two snapshots
-- (a publication and a curated figure, say) spoke about the same value, whichever loaded
-- last won, so a fresh and an incremental build of one store could differ. Now every loaded
-- snapshot's values are kept as they were stated (`statements`), and which one
-- `observations` shows is chosen by a fixed rule in views.sql, whatever the load order.
--
-- The version-1 tables are kept, renamed (*_v1), for their history; the next build loads
-- every snapshot again from the snapshot store (the store, not the database, is the truth).
DROP VIEW IF EXISTS figure_data;
DROP VIEW IF EXISTS figure_series;
DROP VIEW IF EXISTS missing_figures;
DROP VIEW IF EXISTS source_status;
DROP VIEW IF EXISTS snapshot_status;
DROP VIEW IF EXISTS party_positions_current;
DROP VIEW IF EXISTS observations;

ALTER TABLE observation_vintages RENAME TO observation_vintages_v1;
ALTER TABLE loads RENAME TO loads_v1;
ALTER TABLE party_positions RENAME TO party_positions_v1;

CREATE TABLE loads (
    load_id             VARCHAR PRIMARY KEY,
    source_id           VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    snapshot_sha256     VARCHAR NOT NULL,
    file                VARCHAR NOT NULL,
    status              VARCHAR NOT NULL,  -- started | loaded | rejected | failed | abandoned
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    parse_seconds       DOUBLE,
    validate_seconds    DOUBLE,
    load_seconds        DOUBLE,
    rows_parsed         INTEGER,
    rows_new            INTEGER,   -- series this version of the publication states for the first time
    rows_revised        INTEGER,   -- series whose value differs from the previous version
    rows_unchanged      INTEGER,
    rows_retracted      INTEGER,   -- series the previous version stated and this one does not
    validation_success  BOOLEAN,
    validation_summary  JSON,
    fingerprint         VARCHAR,   -- parser + suite version that produced this outcome
    error               VARCHAR,
    notes               JSON
);

-- Every value every loaded snapshot states: one row per snapshot and series. Never updated.
-- A series is (indicator_id, period, country_name, breakdown); `year` is the period's last year.
CREATE TABLE statements (
    indicator_id        VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    period              VARCHAR NOT NULL,  -- "2023", a span "2017-2021", a half year "2024-H1"
    country_iso3        VARCHAR,
    country_name        VARCHAR NOT NULL,
    label_as_published  VARCHAR,
    area_type           VARCHAR NOT NULL,
    breakdown           VARCHAR NOT NULL,
    value               DOUBLE,
    value_low           DOUBLE,
    value_high          DOUBLE,
    upper_bound         DOUBLE,
    qualifier           VARCHAR NOT NULL,
    unit                VARCHAR NOT NULL,
    footnote            VARCHAR,
    location            VARCHAR,
    quote               VARCHAR,
    text_part           VARCHAR NOT NULL,  -- table | body | headline: where in the publication
    source_id           VARCHAR NOT NULL,
    snapshot_year       INTEGER NOT NULL,  -- the publication's year (a curated file: its edition)
    snapshot_sha256     VARCHAR NOT NULL,
    origin              VARCHAR NOT NULL,  -- publication | curated
    load_id             VARCHAR NOT NULL,
    loaded_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, snapshot_year, snapshot_sha256, indicator_id, period, country_name, breakdown)
);

CREATE TABLE party_positions (
    theme            VARCHAR NOT NULL,
    party            VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    statement_no     INTEGER NOT NULL,
    kind             VARCHAR NOT NULL,
    text             VARCHAR,
    manifesto_ref    VARCHAR,
    rating           INTEGER,
    rating_label     VARCHAR,
    source_id        VARCHAR NOT NULL,
    snapshot_sha256  VARCHAR NOT NULL,
    load_id          VARCHAR NOT NULL,
    loaded_at        TIMESTAMPTZ NOT NULL
);
