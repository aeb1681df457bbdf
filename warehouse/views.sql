-- Views over the warehouse tables; recreated by the code every time it opens the file to write.

-- The newest vintage of every value, with its provenance. The monitor's charts read this.
CREATE OR REPLACE VIEW observations AS
WITH newest AS (
    SELECT *
    FROM observation_vintages
    QUALIFY row_number() OVER (
        PARTITION BY indicator_id, year, period, country_name, breakdown ORDER BY vintage DESC
    ) = 1
),
shown AS (  -- a value retracted from a curated file is history only
    SELECT * FROM newest WHERE qualifier <> 'retracted'
)
SELECT
    n.indicator_id,
    n.year,
    n.period,
    n.country_iso3,
    n.country_name,
    n.area_type,
    n.breakdown,
    n.value,
    n.value_low,
    n.value_high,
    n.upper_bound,
    n.qualifier,
    n.unit,
    n.footnote,
    n.source_id,
    n.snapshot_sha256,
    n.vintage,
    n.vintage > 1 AS revised,
    s.publisher,
    s.title AS publication,
    s.url,
    s.retrieved_at,
    n.location,
    n.quote,
    n.label_as_published,
    n.load_id,
    n.loaded_at
FROM shown n
JOIN loads l ON l.load_id = n.load_id
JOIN snapshots s
  ON s.source_id = l.source_id AND s.year = l.year AND s.sha256 = l.snapshot_sha256;

-- The outcome of the newest load attempt of each snapshot ('reference' for documents kept
-- only to check quotes against).
CREATE OR REPLACE VIEW snapshot_status AS
SELECT
    s.source_id, s.year, s.sha256, s.file, s.url, s.retrieved_at, s.origin,
    l.load_id,
    CASE WHEN src.parser = 'reference' THEN 'reference' ELSE l.status END AS status,
    l.started_at, l.finished_at, l.validation_success, l.error
FROM snapshots s
LEFT JOIN sources src ON src.source_id = s.source_id
LEFT JOIN (
    SELECT * FROM loads
    QUALIFY row_number() OVER (PARTITION BY source_id, year, snapshot_sha256 ORDER BY started_at DESC) = 1
) l ON l.source_id = s.source_id AND l.year = s.year AND l.snapshot_sha256 = s.sha256;

-- Per source: newest year loaded, snapshots, and the last load with its validation result.
CREATE OR REPLACE VIEW source_status AS
WITH last_load AS (
    SELECT * FROM loads
    QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY started_at DESC) = 1
)
SELECT
    src.source_id,
    src.publisher,
    (SELECT max(year) FROM observations o WHERE o.source_id = src.source_id) AS newest_year_loaded,
    (SELECT count(*) FROM snapshots sn WHERE sn.source_id = src.source_id) AS snapshots,
    (SELECT count(*) FROM snapshot_status ss WHERE ss.source_id = src.source_id AND ss.status = 'loaded') AS snapshots_loaded,
    (SELECT count(*) FROM snapshot_status ss WHERE ss.source_id = src.source_id AND ss.status IN ('rejected', 'failed')) AS snapshots_refused,
    ll.year AS last_load_year,
    ll.status AS last_load_status,
    strftime(ll.finished_at, '%Y-%m-%d %H:%M') AS last_load_at,
    ll.validation_success AS last_validation_success,
    ll.error AS last_load_error
FROM sources src
LEFT JOIN last_load ll ON ll.source_id = src.source_id;

-- Figures the catalog expects for the Netherlands that no load has delivered (never invented).
CREATE OR REPLACE VIEW missing_figures AS
SELECT e.indicator_id, e.year, e.period, e.breakdown, i.publisher, i.source_id
FROM indicator_expectations e
JOIN indicators i USING (indicator_id)
WHERE NOT EXISTS (
    SELECT 1 FROM observations o
    WHERE o.indicator_id = e.indicator_id AND o.period = e.period AND o.breakdown = e.breakdown
      AND o.country_iso3 = 'NLD'
);

-- The newest loaded page per theme of the election guide.
CREATE OR REPLACE VIEW party_positions_current AS
SELECT * EXCLUDE (loaded_at) FROM party_positions
QUALIFY loaded_at = max(loaded_at) OVER (PARTITION BY theme);
