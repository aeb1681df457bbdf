-- The catalog's units and breakdowns with their labels (src/kr_pipeline/publishers/measures.yaml,
-- copied on every build like the catalog): the views ask `units.percent` instead of naming
-- the percentage units, and analysts find the Dutch and English labels the site shows.
CREATE TABLE units (
    unit VARCHAR PRIMARY KEY,
    label_nl VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL,
    percent BOOLEAN NOT NULL
);
CREATE TABLE breakdown_labels (
    breakdown VARCHAR PRIMARY KEY,
    label_nl VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL
);
