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
