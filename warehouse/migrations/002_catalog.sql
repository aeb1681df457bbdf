-- The indicator catalog (warehouse/indicators.yaml), replaced on every build.
CREATE TABLE indicators (
    indicator_id   VARCHAR PRIMARY KEY,
    title_nl       VARCHAR NOT NULL,
    title_en       VARCHAR NOT NULL,
    unit           VARCHAR NOT NULL,
    definition     VARCHAR NOT NULL,
    publisher      VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    crc            JSON NOT NULL,
    breakdowns     JSON NOT NULL,
    update_month   INTEGER,
    figures        JSON NOT NULL,
    notes          VARCHAR
);

-- Which figures each indicator should have for the Netherlands (year or span, breakdown).
CREATE TABLE indicator_expectations (
    indicator_id  VARCHAR NOT NULL,
    year          INTEGER NOT NULL,
    period        VARCHAR NOT NULL,
    breakdown     VARCHAR NOT NULL,
    PRIMARY KEY (indicator_id, period, breakdown)
);

-- A quoted figure keeps the sentence it came from.
ALTER TABLE observation_vintages ADD COLUMN quote VARCHAR;
