-- The chapter's figures as views, all of one tidy shape (figure_data), so `kr show`,
-- `kr chart` and the exports read them alike. Recreated on every build.
-- Change columns compare with the previous year that has a value in the same series
-- (prev_year says which); suppressed and missing values never count as zero.

CREATE OR REPLACE VIEW figure_series AS
SELECT * FROM (VALUES
    ('kengetallen', 1, 'comensha.minor_victims', 'total', 'Gemelde minderjarige slachtoffers', 'Bron: CoMensha / Nationaal Rapporteur'),
    ('figuur1', 1, 'comensha.minor_victims', 'sexual', 'Seksuele uitbuiting', 'Bron: Nationaal Rapporteur, Slachtoffers mensenhandel in beeld bij CoMensha 2017-2021 en uitvraag Nationaal Rapporteur, Monitor Mensenhandel 2019-2023'),
    ('figuur1', 2, 'comensha.minor_victims', 'labour', 'Arbeidsuitbuiting', 'Bron: Nationaal Rapporteur, Slachtoffers mensenhandel in beeld bij CoMensha 2017-2021 en uitvraag Nationaal Rapporteur, Monitor Mensenhandel 2019-2023'),
    ('figuur1', 3, 'comensha.minor_victims', 'criminal', 'Criminele uitbuiting', 'Bron: Nationaal Rapporteur, Slachtoffers mensenhandel in beeld bij CoMensha 2017-2021 en uitvraag Nationaal Rapporteur, Monitor Mensenhandel 2019-2023'),
    ('figuur1', 4, 'comensha.minor_victims', 'other', 'Overig', 'Bron: Nationaal Rapporteur, Slachtoffers mensenhandel in beeld bij CoMensha 2017-2021 en uitvraag Nationaal Rapporteur, Monitor Mensenhandel 2019-2023'),
    ('figuur1', 5, 'comensha.minor_victims', 'total', 'Totaal', 'Bron: Nationaal Rapporteur, Slachtoffers mensenhandel in beeld bij CoMensha 2017-2021 en uitvraag Nationaal Rapporteur, Monitor Mensenhandel 2019-2023'),
    ('figuur2', 1, 'ckm.fier_minor_victims_sexual', 'total', 'Seksuele uitbuiting', 'Bron: CKM, in Slachtoffermonitor seksueel geweld tegen kinderen 2017-2021 en CKM, Onzichtbare slachtoffers van mensenhandel in 2023'),
    ('figuur2', 2, 'ckm.fier_minor_victims_criminal', 'total', 'Criminele uitbuiting', 'Bron: CKM, in Slachtoffermonitor seksueel geweld tegen kinderen 2017-2021 en CKM, Onzichtbare slachtoffers van mensenhandel in 2023'),
    ('figuur4', 1, 'gemeenten.trafficking_policy_share', 'total', 'Gemeenten met beleid gericht op aanpak mensenhandel', 'Bron: Significant Public, Onderzoek aanpak mensenhandel in gemeenten 2023'),
    ('figuur4', 2, 'gemeenten.vulnerable_groups_attention_share', 'total', 'Gemeenten met aandacht voor kwetsbare groepen (VNG)', 'Bron: Significant Public, Onderzoek aanpak mensenhandel in gemeenten 2023'),
    ('ncmec', 1, 'ncmec.cybertipline_reports', 'total', 'Meldingen (totaal)', 'Bron: NCMEC, CyberTipline Reports by Country'),
    ('ncmec', 2, 'ncmec.cybertipline_reports', 'referral', 'Referrals', 'Bron: NCMEC, CyberTipline Reports by Country'),
    ('ncmec', 3, 'ncmec.cybertipline_reports', 'informational', 'Informatieve rapporten', 'Bron: NCMEC, CyberTipline Reports by Country'),
    ('iwf', 1, 'iwf.hosted_urls_share', 'total', 'Aandeel van wereldwijd gehoste URL''s (%)', 'Bron: Internet Watch Foundation, Annual (Data & Insights) Report'),
    ('iwf', 2, 'iwf.hosted_urls', 'total', 'Aantal URL''s in Nederland', 'Bron: Internet Watch Foundation, Annual (Data & Insights) Report'),
    ('offlimits', 1, 'offlimits.reports', 'total', 'Meldingen', 'Bron: Offlimits, jaarcijfers Meldpunt Kinderporno'),
    ('offlimits', 2, 'offlimits.reports', 'from_netherlands', 'Meldingen uit Nederland', 'Bron: Offlimits, jaarcijfers Meldpunt Kinderporno'),
    ('offlimits', 3, 'offlimits.urls_analysed', 'total', 'Geanalyseerde URL''s', 'Bron: Offlimits, jaarcijfers Meldpunt Kinderporno'),
    ('offlimits', 4, 'offlimits.urls_illegal', 'total', 'URL''s met illegaal materiaal', 'Bron: Offlimits, jaarcijfers Meldpunt Kinderporno'),
    ('offlimits', 5, 'offlimits.ai_images', 'total', 'Afbeeldingen (deels) met AI gemaakt', 'Bron: Offlimits, jaarcijfers Meldpunt Kinderporno'),
    ('b8_3', 1, 'comensha.minor_foreign_victims', 'total', 'Minderjarige buitenlandse slachtoffers (CoMensha)', 'Bron: navraag CoMensha (1 mei 2025) en Ministerie van Justitie en Veiligheid (21 augustus 2025)'),
    ('b8_3', 2, 'comensha.minor_foreign_b8_reflection_accepted', 'total', 'B8-bedenktijd geaccepteerd', 'Bron: navraag CoMensha (1 mei 2025) en Ministerie van Justitie en Veiligheid (21 augustus 2025)'),
    ('b8_3', 3, 'comensha.minor_foreign_b8_3_reports', 'total', 'B8/3-aangifte gedaan', 'Bron: navraag CoMensha (1 mei 2025) en Ministerie van Justitie en Veiligheid (21 augustus 2025)'),
    ('b8_3', 4, 'ind.b8_3_permits_minor_victims', 'total', 'B8/3-vergunningen verleend aan minderjarigen', 'Bron: navraag CoMensha (1 mei 2025) en Ministerie van Justitie en Veiligheid (21 augustus 2025)')
) AS t(figure, series_order, indicator_id, breakdown, series, source_line);

CREATE OR REPLACE VIEW figure_data AS
WITH points AS (
    SELECT fs.figure, fs.series_order, fs.series, fs.source_line, o.indicator_id, o.breakdown,
           o.year, o.period, o.value, o.value_low, o.value_high, o.upper_bound, o.qualifier, o.unit,
           o.publisher, o.snapshot_sha256
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
       CASE WHEN p.unit IN ('percent', 'percent_change') THEN NULL
            ELSE round(100.0 * (w.value - w.prev_value) / nullif(w.prev_value, 0), 1) END AS change_pct,
       p.indicator_id, p.breakdown, p.publisher, p.source_line, p.snapshot_sha256
FROM points p
LEFT JOIN with_prev w USING (figure, series_order, year)
ORDER BY p.figure, p.series_order, p.year;

-- Kengetallen: minor victims registered with CoMensha, 2019 and the latest year.
CREATE OR REPLACE VIEW fig_kengetallen AS
WITH k AS (SELECT * FROM figure_data WHERE figure = 'kengetallen')
SELECT series, year, value, qualifier,
       value - first_value(value) OVER (ORDER BY year) AS change_since_2019,
       round(100.0 * (value - first_value(value) OVER (ORDER BY year)) / first_value(value) OVER (ORDER BY year), 1) AS change_pct_since_2019,
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
