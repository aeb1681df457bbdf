-- One definition of missing (issue 27): the catalog says per indicator which breakdowns began
-- in which year (indicators.yaml `breakdowns_since`: NCMEC's referral / informational split from
-- 2024). Before that year a figure of the breakdown is not applicable, never missing; the view
-- series_status (figures.sql) gives every series and year its one status.
CREATE TABLE breakdowns_since (
    indicator_id  VARCHAR NOT NULL,
    breakdown     VARCHAR NOT NULL,
    first_year    INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, breakdown)
);

-- The curated files as they are now (issue 27): per source and edition, the SHA-256 of the file
-- in warehouse/curated/, written at every build. Only that version of a curated file is worth
-- reading: an older draft refused for a typo is history once the file differs from it (also
-- when the fix restores bytes stored before), so neither the build nor `kr status` repeats its
-- refusal (snapshot_status.superseded).
CREATE TABLE curated_files (
    source_id  VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    sha256     VARCHAR NOT NULL,
    file       VARCHAR NOT NULL,
    PRIMARY KEY (source_id, year)
);
