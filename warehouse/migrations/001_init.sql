-- kr-pipeline warehouse, version 1: sources, snapshots, loads and observation vintages.

CREATE TABLE sources (
    source_id     VARCHAR PRIMARY KEY,
    publisher     VARCHAR NOT NULL,
    title         VARCHAR NOT NULL,   -- publication title, "{year}" filled per snapshot
    parser        VARCHAR NOT NULL,
    format        VARCHAR NOT NULL,
    licence       VARCHAR,
    url_template  VARCHAR,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- One row per raw file in the snapshot store (provenance copied from its sidecar).
CREATE TABLE snapshots (
    source_id      VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    sha256         VARCHAR NOT NULL,
    file           VARCHAR NOT NULL,
    size           BIGINT NOT NULL,
    url            VARCHAR,
    title          VARCHAR,
    publisher      VARCHAR,
    retrieved_at   TIMESTAMPTZ NOT NULL,
    content_type   VARCHAR,
    origin         VARCHAR NOT NULL,   -- fetched | manual | curated | reconstructed
    licence        VARCHAR,
    etag           VARCHAR,
    last_modified  VARCHAR,
    note           VARCHAR,
    registered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, year, sha256)
);

-- Every attempt to load a snapshot (dlt-style): a row is written with status 'started'
-- before any data, and set to loaded / rejected / failed at the end; a 'started' row that
-- stays behind marks an interrupted load (its data was rolled back).
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
    rows_new            INTEGER,
    rows_revised        INTEGER,
    rows_unchanged      INTEGER,
    validation_success  BOOLEAN,
    validation_summary  JSON,
    fingerprint         VARCHAR,  -- parser + suite version that produced this outcome
    error               VARCHAR,
    notes               JSON
);

-- Every published value, with history: a re-published value that changed is a new vintage.
CREATE TABLE observation_vintages (
    indicator_id        VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    period              VARCHAR NOT NULL,  -- "2023", or a span "2017-2021" (year = last year)
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
    source_id           VARCHAR NOT NULL,
    snapshot_sha256     VARCHAR NOT NULL,
    load_id             VARCHAR NOT NULL,
    vintage             INTEGER NOT NULL,
    loaded_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (indicator_id, year, period, country_name, breakdown, vintage)
);
