-- The chapter's figures as views, all of one tidy shape (figure_data), so `kr show`,
-- `kr chart` and the exports read them alike. Recreated on every build. Which series each
-- figure has is the table figure_series (from warehouse/figures.yaml).
-- Change columns compare with the previous year that has a value in the same series
-- (prev_year says which); suppressed and missing values never count as zero.

CREATE OR REPLACE VIEW figure_data AS
WITH points AS (
    SELECT fs.figure, fs.series_order, fs.series, fs.source_line, o.indicator_id, o.breakdown,
           o.year, o.period, o.value, o.value_low, o.value_high, o.upper_bound, o.qualifier, o.unit,
           o.revised, o.publisher, o.publication, o.url, o.retrieved_at, o.quote, o.snapshot_sha256,
           o.as_published, o.traced_to
    FROM figure_series fs
    JOIN observations o
      ON o.indicator_id = fs.indicator_id AND o.breakdown = fs.breakdown
     AND o.country_iso3 = 'NLD' AND o.period = CAST(o.year AS VARCHAR)
),
with_prev AS (
    SELECT *,
        lag(year) OVER w AS prev_year,
        lag(value) OVER w AS prev_value
    FROM points
    WHERE value IS NOT NULL
    WINDOW w AS (PARTITION BY figure, series_order ORDER BY year)
)
SELECT p.figure, p.series_order, p.series, p.year, p.period, p.value, p.value_low, p.value_high,
       p.upper_bound, p.qualifier, p.unit,
       w.prev_year,
       w.value - w.prev_value AS change,
       CASE WHEN p.unit IN (SELECT unit FROM units WHERE percent) THEN NULL
            ELSE round(100.0 * (w.value - w.prev_value) / nullif(w.prev_value, 0), 1) END AS change_pct,
       p.indicator_id, p.breakdown, p.revised, p.publisher, p.publication, p.url, p.retrieved_at, p.quote,
       p.source_line, p.snapshot_sha256, p.as_published, p.traced_to
FROM points p
LEFT JOIN with_prev w USING (figure, series_order, year)
ORDER BY p.figure, p.series_order, p.year;

-- The years of each series (indicator, breakdown) for the Netherlands that the catalog expects
-- or that have a value of one year. A span (a figure's or an indicator's) runs from the first
-- to the last of its series' years; every year in it is drawn, a year without a value as a
-- gap ("geen cijfer"), never as a missing tick.
CREATE OR REPLACE VIEW series_years AS
SELECT indicator_id, breakdown, year FROM indicator_expectations WHERE period = CAST(year AS VARCHAR)
UNION
SELECT indicator_id, breakdown, year FROM observations WHERE country_iso3 = 'NLD' AND period = CAST(year AS VARCHAR);

-- One definition of missing, for every series (indicator, breakdown) of the Netherlands and
-- year: 'value' (a figure is loaded), 'not_applicable' (the breakdown did not exist yet that
-- year: the catalog's breakdowns_since), 'missing' (the catalog expects a figure and none is
-- loaded: exactly the rows of missing_figures) or 'not_expected' (no figure, and the catalog
-- expects none: no known publication states it). The grids, the site, the exports and
-- `kr status` read it from here.
CREATE OR REPLACE MACRO series_status(indicator, brk, yr, has_value) AS
    CASE WHEN has_value THEN 'value'
         WHEN yr < (SELECT max(b.first_year) FROM breakdowns_since b WHERE b.indicator_id = indicator AND b.breakdown = brk)
             THEN 'not_applicable'
         WHEN EXISTS (SELECT 1 FROM indicator_expectations e
                      WHERE e.indicator_id = indicator AND e.breakdown = brk AND e.period = CAST(yr AS VARCHAR))
             THEN 'missing'
         ELSE 'not_expected' END;

-- A figure's series over every year of the figure's span; value NULL where there is none
-- (status says why: series_status).
CREATE OR REPLACE VIEW figure_grid AS
WITH spans AS (
    SELECT fs.figure, min(y.year) AS first_year, max(y.year) AS last_year
    FROM figure_series fs JOIN series_years y USING (indicator_id, breakdown)
    GROUP BY fs.figure
),
grid AS (
    SELECT fs.*, unnest(range(s.first_year, s.last_year + 1)) AS year
    FROM figure_series fs JOIN spans s USING (figure)
)
SELECT g.figure, g.series_order, g.series, g.indicator_id, g.breakdown, g.year,
       d.value, d.value_low, d.value_high, d.upper_bound, d.qualifier, coalesce(d.unit, i.unit) AS unit,
       coalesce(d.revised, false) AS revised, d.prev_year, d.change, d.change_pct,
       d.publisher, d.publication, d.url, d.retrieved_at, d.quote, g.source_line, d.snapshot_sha256,
       d.as_published, d.traced_to,
       series_status(g.indicator_id, g.breakdown, g.year, d.qualifier IS NOT NULL) AS status
FROM grid g
JOIN indicators i USING (indicator_id)
LEFT JOIN figure_data d USING (figure, series_order, year)
ORDER BY g.figure, g.series_order, g.year;

-- An indicator's breakdowns (for the Netherlands) over every year of the indicator's span,
-- for its page on the site; value NULL where there is none.
CREATE OR REPLACE VIEW indicator_grid AS
WITH spans AS (
    SELECT indicator_id, min(year) AS first_year, max(year) AS last_year FROM series_years GROUP BY indicator_id
),
breakdowns AS (SELECT DISTINCT indicator_id, breakdown FROM series_years),
grid AS (
    SELECT b.indicator_id, b.breakdown, unnest(range(s.first_year, s.last_year + 1)) AS year
    FROM breakdowns b JOIN spans s USING (indicator_id)
)
SELECT g.indicator_id, g.breakdown, g.year,
       o.value, o.value_low, o.value_high, o.upper_bound, o.qualifier, coalesce(o.unit, i.unit) AS unit,
       coalesce(o.revised, false) AS revised, o.publisher, o.publication, o.url, o.retrieved_at, o.quote, o.snapshot_sha256,
       o.as_published, o.traced_to,
       series_status(g.indicator_id, g.breakdown, g.year, o.qualifier IS NOT NULL) AS status
FROM grid g
JOIN indicators i USING (indicator_id)
LEFT JOIN observations o
  ON o.indicator_id = g.indicator_id AND o.breakdown = g.breakdown AND o.year = g.year
 AND o.country_iso3 = 'NLD' AND o.period = CAST(o.year AS VARCHAR)
ORDER BY g.indicator_id, g.breakdown, g.year;

-- Kengetallen: minor victims registered with CoMensha, 2019 and the latest year, and the
-- change since 2019 (NULL without a 2019 value): the one definition, which the site shows.
CREATE OR REPLACE VIEW fig_kengetallen AS
WITH k AS (SELECT * FROM figure_data WHERE figure = 'kengetallen'),
base AS (SELECT max(value) AS value FROM k WHERE year = 2019)
SELECT series, year, value, qualifier,
       value - (SELECT value FROM base) AS change_since_2019,
       round(100.0 * (value - (SELECT value FROM base)) / nullif((SELECT value FROM base), 0), 1) AS change_pct_since_2019,
       source_line
FROM k
WHERE year = 2019 OR year = (SELECT max(year) FROM k)
ORDER BY year;

CREATE OR REPLACE VIEW fig_figuur1 AS
SELECT series AS vorm, year, value, qualifier, change, source_line FROM figure_data WHERE figure = 'figuur1' ORDER BY series_order, year;

CREATE OR REPLACE VIEW fig_figuur2 AS
SELECT series AS vorm, year, value, qualifier, prev_year, change, change_pct, source_line FROM figure_data WHERE figure = 'figuur2' ORDER BY series_order, year;

CREATE OR REPLACE VIEW fig_figuur4 AS
SELECT series, year, value AS percent, qualifier, source_line FROM figure_data WHERE figure = 'figuur4' ORDER BY series_order, year;

-- NCMEC: Netherlands per year, total with the referral / informational split from 2024.
CREATE OR REPLACE VIEW fig_ncmec AS
SELECT year,
       max(value) FILTER (breakdown = 'total') AS reports,
       max(value) FILTER (breakdown = 'referral') AS referrals,
       max(value) FILTER (breakdown = 'informational') AS informational,
       max(prev_year) FILTER (breakdown = 'total') AS prev_year,
       max(change) FILTER (breakdown = 'total') AS change,
       max(change_pct) FILTER (breakdown = 'total') AS change_pct
FROM figure_data WHERE figure = 'ncmec'
GROUP BY year ORDER BY year;

-- IWF: the Netherlands' share of the world's abuse URLs, and the count.
CREATE OR REPLACE VIEW fig_iwf AS
SELECT year,
       max(value) FILTER (indicator_id = 'iwf.hosted_urls_share') AS share_percent,
       max(value) FILTER (indicator_id = 'iwf.hosted_urls') AS urls,
       max(change) FILTER (indicator_id = 'iwf.hosted_urls_share') AS share_change_points,
       max(change_pct) FILTER (indicator_id = 'iwf.hosted_urls') AS urls_change_pct
FROM figure_data WHERE figure = 'iwf'
GROUP BY year ORDER BY year;

-- Offlimits: reports (meldingen) and URLs, never mixed; the published URL growth beside.
CREATE OR REPLACE VIEW fig_offlimits AS
SELECT d.year,
       max(value) FILTER (indicator_id = 'offlimits.reports' AND breakdown = 'total') AS reports,
       max(change_pct) FILTER (indicator_id = 'offlimits.reports' AND breakdown = 'total') AS reports_change_pct,
       max(value) FILTER (indicator_id = 'offlimits.reports' AND breakdown = 'from_netherlands') AS reports_from_nl,
       max(value) FILTER (indicator_id = 'offlimits.urls_analysed') AS urls_analysed,
       (SELECT max(o.value) FROM observations o WHERE o.indicator_id = 'offlimits.urls_analysed_change' AND o.year = d.year) AS urls_analysed_change_pct_published,
       max(value) FILTER (indicator_id = 'offlimits.urls_illegal') AS urls_illegal,
       max(value) FILTER (indicator_id = 'offlimits.ai_images') AS ai_images
FROM figure_data d WHERE figure = 'offlimits'
GROUP BY d.year ORDER BY d.year;

CREATE OR REPLACE VIEW fig_b8_3 AS
SELECT series, year, value, qualifier, source_line FROM figure_data WHERE figure = 'b8_3' ORDER BY series_order, year;

-- The chapter's figures quoted in its text and drawn in no figure (the police's "minder dan
-- tien", the Nationaal Rapporteur's 2 tot 3%, Chat met Fier, CoMensha 22% -> 13%, ...).
CREATE OR REPLACE VIEW text_figures AS
SELECT o.*, i.title_nl, i.title_en
FROM observations o
JOIN indicators i USING (indicator_id)
WHERE o.country_iso3 = 'NLD'
  AND NOT EXISTS (SELECT 1 FROM figure_series fs WHERE fs.indicator_id = o.indicator_id AND fs.breakdown = o.breakdown)
ORDER BY o.indicator_id, o.breakdown, o.year, length(o.period), o.period;
