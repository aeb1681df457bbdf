DROP VIEW IF EXISTS figure_series;  -- a view of the same name before this migration
-- The series of the chapter's figures, copied from warehouse/figures.yaml at every build (the
-- file is the one place they are named); the views in figures.sql read this table.
CREATE TABLE figure_series (
    figure        VARCHAR NOT NULL,
    series_order  INTEGER NOT NULL,
    indicator_id  VARCHAR NOT NULL,
    breakdown     VARCHAR NOT NULL,
    series        VARCHAR NOT NULL,
    source_line   VARCHAR NOT NULL,
    PRIMARY KEY (figure, series_order)
);
