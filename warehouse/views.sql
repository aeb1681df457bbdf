-- Views over the warehouse tables; recreated by the code every time it opens the file to write.

-- ---------------------------------------------------------------- series and precedence
-- A series is what one value is about: (indicator_id, period, country_name, breakdown), written
-- once, in the view statement_series below; every other view partitions and joins on its
-- `series`. Several snapshots may state a value for one series: versions of one publication (a
-- re-download, an edited curated file), a later publication mentioning last year's figure, a
-- curated figure from secondary text. Which value `observations` shows is decided here, by one
-- rule, never by load order.

CREATE OR REPLACE VIEW statement_series AS
SELECT *, struct_pack(indicator_id := indicator_id, period := period, country_name := country_name, breakdown := breakdown) AS series
FROM statements;

-- What a value is consistent with, given how it was published (the rounding rule, stated here
-- and mirrored by kr_pipeline.reading.numbers.consistent_interval, which a test holds equal):
-- approx: half its rounding unit either side ("ruim 400.000" = 350,000..450,000; a decimal
-- 12.5 = 12.45..12.55); lower_bound: up from it; suppressed: 0..upper_bound; range: low..high.
CREATE OR REPLACE MACRO half_unit(v) AS
    CASE WHEN v IS NULL OR v = 0 THEN 0.5
         WHEN v <> trunc(v) THEN 0.05
         ELSE 0.5 * 10 ^ (length(CAST(CAST(abs(v) AS BIGINT) AS VARCHAR))
                          - length(rtrim(CAST(CAST(abs(v) AS BIGINT) AS VARCHAR), '0')))
    END;
CREATE OR REPLACE MACRO consistent_lo(qualifier, value, value_low, upper_bound) AS
    CASE qualifier WHEN 'exact' THEN value WHEN 'approx' THEN value - half_unit(value) WHEN 'lower_bound' THEN value
                   WHEN 'suppressed' THEN 0 WHEN 'range' THEN value_low END;
CREATE OR REPLACE MACRO consistent_hi(qualifier, value, value_high, upper_bound) AS
    CASE qualifier WHEN 'exact' THEN value WHEN 'approx' THEN value + half_unit(value) WHEN 'lower_bound' THEN 'inf'::DOUBLE
                   WHEN 'suppressed' THEN upper_bound WHEN 'range' THEN value_high END;

-- The newest load attempt of each snapshot.
CREATE OR REPLACE VIEW snapshot_loads AS
SELECT * FROM loads
QUALIFY row_number() OVER (PARTITION BY source_id, year, snapshot_sha256 ORDER BY started_at DESC, load_id) = 1;

-- Every stored snapshot with its newest load attempt and its withdrawal, if any: the one place
-- a snapshot (source, year, sha256) is joined to its loads and withdrawals. kind: a curated
-- file's edition or a publication (versions of the two never replace each other).
CREATE OR REPLACE VIEW snapshot_state AS
SELECT s.*, CASE WHEN s.origin = 'curated' THEN 'curated' ELSE 'publication' END AS kind,
       w.sha256 IS NOT NULL AS withdrawn, w.withdrawn_at, w.reason AS withdrawn_reason,
       l.load_id, l.status AS load_status, l.started_at, l.finished_at, l.validation_success, l.voice, l.error AS load_error
FROM snapshots s
LEFT JOIN snapshot_loads l ON l.source_id = s.source_id AND l.year = s.year AND l.snapshot_sha256 = s.sha256
LEFT JOIN withdrawals w ON w.source_id = s.source_id AND w.year = s.year AND w.sha256 = s.sha256;

-- Loaded versions of each publication: snapshots of one source and year (a curated file: one
-- source and edition), the last to arrive in the store first. Only the newest version counts:
-- what it no longer states is retracted, whatever an older version said. Versions are ordered
-- by arrival (snapshots.arrival, given by the store), never by the machine's clock; snapshots
-- without an arrival number (stored before there were any) arrived first, in the order of
-- retrieved_at, then sha256.
-- A withdrawn snapshot is no version at all (version_rank NULL): the version before it is
-- current again, as if it had never been added.
CREATE OR REPLACE VIEW publication_versions AS
WITH v AS (SELECT * FROM snapshot_state WHERE load_status = 'loaded')
SELECT source_id, year, sha256, retrieved_at, arrival, url, title, publisher, origin, kind, withdrawn,
    CASE WHEN NOT withdrawn THEN row_number() OVER (
        PARTITION BY source_id, year, kind, withdrawn ORDER BY arrival DESC NULLS LAST, retrieved_at DESC, sha256 DESC
    ) END AS version_rank,  -- 1 = the current version
    load_id, voice
FROM v;

-- Every statement of a loaded version with what decides between statements:
--   own_rank    0 stated by the indicator's own organisation (the catalog's source_id: an
--               organisation; a registry source is a channel of its `organisation`),
--               1 another organisation restating it;
--   role_rank   0 the publication of that period itself, 1 a later publication mentioning it,
--               2 a curated figure (secondary text, inquiries);
--   exact_rank  0 exact (or printed "-"), 1 rounded or bounded (approx, range, lower_bound, suppressed);
--   part_rank   0 a table or the body text, 1 a headline or title;
-- then the newer retrieval (a revision), then the checksum (only to make the order total).
-- lo/hi: the values the statement is consistent with (approx: half its rounding unit either
-- side, "ruim 400.000" = 350,000..450,000; lower_bound: up from it; suppressed: 0..upper_bound).
CREATE OR REPLACE VIEW statement_ranks AS
WITH s AS (
    -- a curated figure names the publication it cites (its url, title, publisher); everything
    -- else is its snapshot's own publication
    SELECT st.*, v.retrieved_at, v.arrival, coalesce(st.cited_url, v.url) AS url,
           coalesce(st.cited_publication, v.title) AS publication, coalesce(st.cited_publisher, v.publisher) AS publisher,
           v.voice, v.kind, v.version_rank, v.withdrawn,
           CASE WHEN coalesce(src.organisation, st.source_id) = i.source_id THEN 0 ELSE 1 END AS own_rank,
           CASE WHEN v.kind = 'curated' THEN 2 WHEN st.year = st.snapshot_year THEN 0 ELSE 1 END AS role_rank,
           CASE WHEN st.qualifier IN ('exact', 'no_value') THEN 0 ELSE 1 END AS exact_rank,
           CASE WHEN st.text_part = 'headline' THEN 1 ELSE 0 END AS part_rank
    FROM statement_series st
    JOIN publication_versions v
      ON v.source_id = st.source_id AND v.year = st.snapshot_year AND v.sha256 = st.snapshot_sha256
    LEFT JOIN indicators i ON i.indicator_id = st.indicator_id
    LEFT JOIN sources src ON src.source_id = st.source_id
),
rounding AS (
    SELECT *,
        -- a new vintage where the value differs from the previous version's of this publication
        (value, value_low, value_high, upper_bound, qualifier, unit) IS DISTINCT FROM
            lag((value, value_low, value_high, upper_bound, qualifier, unit)) OVER lineage AS new_value
    FROM s
    WINDOW lineage AS (
        PARTITION BY source_id, snapshot_year, kind, withdrawn, series
        ORDER BY arrival NULLS FIRST, retrieved_at, snapshot_sha256)
)
SELECT * EXCLUDE (new_value),
    consistent_lo(qualifier, value, value_low, upper_bound) AS lo,
    consistent_hi(qualifier, value, value_high, upper_bound) AS hi,
    -- vintage: within one publication and series, a new number each time the value changes
    -- (an INTEGER: sum() alone would make it a HUGEINT, which Parquet readers take as a DOUBLE)
    CAST(sum(CAST(new_value AS INTEGER)) OVER (
        PARTITION BY source_id, snapshot_year, kind, withdrawn, series
        ORDER BY arrival NULLS FIRST, retrieved_at, snapshot_sha256 ROWS UNBOUNDED PRECEDING) AS INTEGER) AS vintage
FROM rounding;

-- Every value ever stated, with its role:
--   chosen      the value `observations` shows;
--   confirms    another current statement that agrees with it (within its rounding);
--   conflicts   another current statement that does not (listed by `kr status`, the report);
--   superseded  an older version of the same publication stated it; a newer one does too;
--   retracted   the publication's newest version no longer states it;
--   withdrawn   its snapshot was withdrawn (`kr snapshot withdraw`: added by mistake).
CREATE OR REPLACE VIEW statement_roles AS
WITH current_statements AS (
    SELECT *, row_number() OVER (
        PARTITION BY series
        ORDER BY own_rank, role_rank, exact_rank, part_rank, retrieved_at DESC, snapshot_sha256
    ) AS precedence
    FROM statement_ranks WHERE version_rank = 1
),
chosen AS (SELECT * FROM current_statements WHERE precedence = 1),
still_stated AS (SELECT DISTINCT source_id, snapshot_year, kind, series FROM current_statements)
SELECT c.* EXCLUDE (precedence), c.precedence,
    CASE WHEN c.precedence = 1 THEN 'chosen'
         WHEN (c.qualifier = 'no_value' AND ch.qualifier = 'no_value')
           OR (c.lo <= ch.hi AND ch.lo <= c.hi) THEN 'confirms'
         ELSE 'conflicts' END AS role,
    ch.value AS chosen_value, ch.qualifier AS chosen_qualifier, ch.source_id AS chosen_source_id,
    ch.snapshot_sha256 AS chosen_snapshot_sha256
FROM current_statements c
JOIN chosen ch USING (series)
UNION ALL BY NAME
SELECT o.*, NULL AS precedence,
    CASE WHEN o.withdrawn THEN 'withdrawn' WHEN k.source_id IS NULL THEN 'retracted' ELSE 'superseded' END AS role
FROM statement_ranks o
LEFT JOIN still_stated k USING (source_id, snapshot_year, kind, series)
WHERE o.version_rank > 1 OR o.withdrawn;

-- History: one row per vintage of each publication's value, with the snapshot that first
-- stated it and its role now (a vintage still stated by the newest version keeps that
-- statement's role). A curated figure's citation (the words as published, the publication it
-- cites, its quote and where it was checked) is the newest version's: an analyst who corrects a
-- citation without changing the value corrects what readers see. `kr history` reads this.
CREATE OR REPLACE VIEW observation_vintages AS
WITH v AS (
    SELECT * REPLACE (
            CASE WHEN kind = 'curated' THEN last_value(url) OVER whole_vintage ELSE url END AS url,
            CASE WHEN kind = 'curated' THEN last_value(publication) OVER whole_vintage ELSE publication END AS publication,
            CASE WHEN kind = 'curated' THEN last_value(publisher) OVER whole_vintage ELSE publisher END AS publisher,
            CASE WHEN kind = 'curated' THEN last_value(location) OVER whole_vintage ELSE location END AS location,
            CASE WHEN kind = 'curated' THEN last_value(quote) OVER whole_vintage ELSE quote END AS quote,
            CASE WHEN kind = 'curated' THEN last_value(as_published) OVER whole_vintage ELSE as_published END AS as_published,
            CASE WHEN kind = 'curated' THEN last_value(traced_to) OVER whole_vintage ELSE traced_to END AS traced_to,
            CASE WHEN kind = 'curated' THEN last_value(checked_in) OVER whole_vintage ELSE checked_in END AS checked_in
        ),
        last_value(role) OVER whole_vintage AS role_now,
        row_number() OVER vintage_rows AS nth
    FROM statement_roles
    WINDOW vintage_rows AS (
        PARTITION BY source_id, snapshot_year, kind, withdrawn, series, vintage
        ORDER BY arrival NULLS FIRST, retrieved_at, snapshot_sha256),
    whole_vintage AS (
        PARTITION BY source_id, snapshot_year, kind, withdrawn, series, vintage
        ORDER BY arrival NULLS FIRST, retrieved_at, snapshot_sha256
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT indicator_id, year, period, country_iso3, country_name, area_type, breakdown,
       value, value_low, value_high, upper_bound, qualifier, unit, footnote,
       source_id, snapshot_year, kind, snapshot_sha256, vintage, role_now AS role,
       publisher, publication, voice, url, retrieved_at, location, quote, text_part, label_as_published,
       as_published, traced_to, checked_in,
       load_id, loaded_at, series
FROM v
WHERE nth = 1;

-- `kr history`: every vintage of every value as analysts read it (the filter columns first).
CREATE OR REPLACE VIEW history AS
SELECT indicator_id, country_iso3, year, period, country_name, breakdown, source_id, kind, vintage, value, qualifier,
       role, strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at, left(snapshot_sha256, 12) AS snapshot,
       strftime(retrieved_at, '%Y-%m-%d') AS retrieved, url, retrieved_at
FROM observation_vintages;

-- Revisions: each vintage of a publication's value beside the one before it (same
-- publication and series), with both sources; load_id says which load brought the new one.
CREATE OR REPLACE VIEW revisions AS
SELECT n.indicator_id, n.period, n.country_name, n.breakdown,
       o.value AS old_value, o.qualifier AS old_qualifier, n.value AS new_value, n.qualifier AS new_qualifier,
       o.url AS old_url, left(o.snapshot_sha256, 12) AS old_snapshot, n.url AS new_url, left(n.snapshot_sha256, 12) AS new_snapshot,
       n.source_id, n.snapshot_year, n.vintage, n.load_id
FROM observation_vintages n
JOIN observation_vintages o
  ON o.source_id = n.source_id AND o.snapshot_year = n.snapshot_year AND o.kind = n.kind
 AND o.series = n.series AND o.vintage = n.vintage - 1
 AND o.role <> 'withdrawn' AND n.role <> 'withdrawn';

-- The value of every series, chosen by the rule above, with the provenance of the snapshot
-- that first stated it (an unchanged re-publication does not move it). The charts read this.
CREATE OR REPLACE VIEW observations AS
WITH agreement AS (
    SELECT series,
           count(*) FILTER (WHERE role = 'confirms') AS confirmations,
           count(*) FILTER (WHERE role = 'conflicts') AS conflicts
    FROM statement_roles
    WHERE role IN ('confirms', 'conflicts')
    GROUP BY ALL
)
SELECT
    c.indicator_id, c.year, c.period, c.country_iso3, c.country_name, c.area_type, c.breakdown,
    c.value, c.value_low, c.value_high, c.upper_bound, c.qualifier, c.unit, c.footnote,
    c.source_id, c.snapshot_sha256, c.vintage, c.vintage > 1 AS revised,
    c.publisher, c.publication, c.voice, c.url, c.retrieved_at, c.location, c.quote, c.label_as_published,
    c.kind AS statement_kind, c.text_part, c.as_published, c.traced_to, c.checked_in,
    coalesce(a.confirmations, 0) AS confirmations, coalesce(a.conflicts, 0) AS conflicts,
    c.load_id, c.loaded_at
FROM observation_vintages c
LEFT JOIN agreement a USING (series)
WHERE c.role = 'chosen';

-- What each run changed (runs, loads.run_id): values a publication states for the first time
-- ('new') and values that differ from the publication's previous version ('revised', with the
-- old value), each with the load and the run that brought it and its role now ('chosen': the
-- value observations shows). "What changed in the last update":
--   SELECT * FROM run_changes WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
CREATE OR REPLACE VIEW run_changes AS
WITH changed AS (
    SELECT v.load_id, 'new' AS change, v.indicator_id, v.period, v.country_iso3, v.country_name, v.breakdown,
           NULL::DOUBLE AS old_value, NULL::VARCHAR AS old_qualifier, v.value AS new_value, v.qualifier AS new_qualifier,
           v.as_published, v.source_id, v.snapshot_year, v.role
    FROM observation_vintages v WHERE v.vintage = 1
    UNION ALL
    SELECT r.load_id, 'revised', r.indicator_id, r.period, n.country_iso3, r.country_name, r.breakdown,
           r.old_value, r.old_qualifier, r.new_value, r.new_qualifier, n.as_published, r.source_id, r.snapshot_year, n.role
    FROM revisions r
    JOIN observation_vintages n
      ON n.source_id = r.source_id AND n.snapshot_year = r.snapshot_year AND n.vintage = r.vintage AND n.load_id = r.load_id
     AND n.indicator_id = r.indicator_id AND n.period = r.period AND n.country_name = r.country_name AND n.breakdown = r.breakdown
)
SELECT l.run_id, u.flow, u.started_at AS run_started_at, c.*
FROM changed c
JOIN loads l USING (load_id)
JOIN runs u USING (run_id);

-- Statements that disagree with the value shown (beyond their rounding): for review.
CREATE OR REPLACE VIEW conflicts AS
SELECT indicator_id, period, country_name, breakdown,
       chosen_value, chosen_qualifier, chosen_source_id, left(chosen_snapshot_sha256, 12) AS chosen_snapshot,
       value AS other_value, qualifier AS other_qualifier, source_id AS other_source_id, kind AS other_kind,
       left(snapshot_sha256, 12) AS other_snapshot, quote AS other_quote
FROM statement_roles
WHERE role = 'conflicts';

-- The outcome of the newest load attempt of each snapshot ('reference' for documents kept
-- only to check quotes against).
CREATE OR REPLACE VIEW snapshot_status AS
SELECT
    s.source_id, s.year, s.sha256, s.file, s.url, s.retrieved_at, s.origin,
    s.load_id,
    CASE WHEN s.withdrawn THEN 'withdrawn' WHEN src.parser = 'reference' THEN 'reference'
         ELSE coalesce(s.load_status, 'not loaded') END AS status,
    s.started_at, s.finished_at, s.validation_success, s.voice,
    CASE WHEN s.withdrawn THEN 'withdrawn ' || strftime(s.withdrawn_at, '%Y-%m-%d') || ': ' || s.withdrawn_reason ELSE s.load_error END AS error,
    -- a refused version of a publication that a version arrived after it replaces, or a curated
    -- file's draft (a typo) the file no longer is: history, no longer a problem to fix (`kr
    -- status` leaves it out)
    s.load_status IN ('rejected', 'failed') AND (EXISTS (
        SELECT 1 FROM curated_files c  -- a curated draft the file no longer is
        WHERE s.origin = 'curated' AND c.source_id = s.source_id AND c.year = s.year AND c.sha256 <> s.sha256
    ) OR EXISTS (
        SELECT 1 FROM publication_versions v
        WHERE v.source_id = s.source_id AND v.year = s.year AND v.kind = s.kind
          AND NOT v.withdrawn
          AND (v.arrival > s.arrival OR (s.arrival IS NULL AND v.arrival IS NOT NULL)
               OR (coalesce(v.arrival, -1) = coalesce(s.arrival, -1) AND v.retrieved_at > s.retrieved_at))
    )) AS superseded
FROM snapshot_state s
LEFT JOIN sources src ON src.source_id = s.source_id;

-- Per source: the newest data year loaded (a curated file's edition is not a data year: its
-- figures' own years count), its snapshots by status, and the last load with its validation.
CREATE OR REPLACE VIEW source_status AS
WITH last_load AS (  -- a refused draft a newer version or the current file replaced is history; a withdrawn snapshot's load no longer the source's last word
    SELECT l.*, ss.origin FROM loads l
    LEFT JOIN snapshot_status ss ON ss.source_id = l.source_id AND ss.year = l.year AND ss.sha256 = l.snapshot_sha256
    WHERE NOT (l.status IN ('rejected', 'failed') AND coalesce(ss.superseded, false))
      AND ss.status IS DISTINCT FROM 'withdrawn'
    QUALIFY row_number() OVER (PARTITION BY l.source_id ORDER BY l.started_at DESC, l.load_id) = 1
)
SELECT
    src.source_id,
    src.publisher,
    coalesce(
        (SELECT max(year) FROM observations o WHERE o.source_id = src.source_id),
        (SELECT max(ss.year) FROM snapshot_status ss  -- tables other than observations (party positions)
         WHERE ss.source_id = src.source_id AND ss.status = 'loaded' AND ss.origin <> 'curated')
    ) AS newest_data_year,
    (SELECT count(*) FROM snapshots sn WHERE sn.source_id = src.source_id) AS snapshots,
    (SELECT count(*) FROM snapshot_status ss WHERE ss.source_id = src.source_id AND ss.status = 'loaded') AS snapshots_loaded,
    (SELECT count(*) FROM snapshot_status ss WHERE ss.source_id = src.source_id AND ss.status IN ('rejected', 'failed')
        AND NOT ss.superseded) AS snapshots_refused,
    (SELECT count(*) FROM snapshot_status ss WHERE ss.source_id = src.source_id AND ss.status = 'withdrawn') AS snapshots_withdrawn,
    CASE WHEN src.parser = 'reference' THEN 'reference documents only'  -- kept to check quotes, never loaded
         WHEN ll.origin = 'curated' THEN 'curated, edition ' || ll.year ELSE CAST(ll.year AS VARCHAR) END AS last_load,
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

-- How far the values shown are traced to their source, per kind of statement (`kr status`):
-- traced_to 'source' (read from, or quote checked in, the publication's own stored copy),
-- 'secondary' (quote checked only in a text quoting it: the monitor's chapter), 'unchecked';
-- and how many have no URL of their own publication.
CREATE OR REPLACE VIEW provenance_status AS
SELECT statement_kind, coalesce(traced_to, 'unknown') AS traced_to, count(*) AS figures,
       count(*) FILTER (WHERE url IS NULL) AS without_url
FROM observations
GROUP BY ALL;

-- The newest loaded page per theme of the election guide.
CREATE OR REPLACE VIEW party_positions_current AS
SELECT * EXCLUDE (loaded_at) FROM party_positions
QUALIFY loaded_at = max(loaded_at) OVER (PARTITION BY theme);

-- Candidates of the newest version of each publication that nobody has decided on yet. Unlike
-- publication_versions (loaded versions only), a version counts here when it was loaded, or
-- refused with candidates: a refused publication's numbers wait for a person all the same,
-- and the newest text is the one to read. (A refusal that found no candidates, a damaged
-- download say, leaves the queue of the version before it.) Withdrawn snapshots never count.
-- A version replaces only an older text of the same document: the publisher's own text (own
-- voice, or a table or file without one) is one document per source and year, wherever it
-- moved; a text reporting on it (press, another organisation) is one document per address, so
-- a press item registered under the same source and year hides neither the publisher's own
-- candidates nor another paper's.
CREATE OR REPLACE VIEW review_versions AS
WITH v AS (
    SELECT s.source_id, s.year, s.sha256, s.retrieved_at, s.arrival, s.load_status AS status, s.kind,
           CASE WHEN coalesce(s.voice, 'own') = 'own' THEN 'own' ELSE coalesce(s.url, s.sha256) END AS document
    FROM snapshot_state s
    WHERE NOT s.withdrawn
      AND (s.load_status = 'loaded'
           OR (s.load_status = 'rejected' AND EXISTS (
               SELECT 1 FROM review_candidates c
               WHERE c.source_id = s.source_id AND c.year = s.year AND c.snapshot_sha256 = s.sha256)))
)
SELECT *, row_number() OVER (
    PARTITION BY source_id, year, kind, document ORDER BY arrival DESC NULLS LAST, retrieved_at DESC, sha256 DESC
) AS review_rank
FROM v;

CREATE OR REPLACE VIEW review_queue AS
SELECT c.candidate_id, c.source_id, c.year, c.period, c.as_published, c.value, c.why,
       c.indicator_id, c.breakdown, c.qualifier, c.sentence, c.location, left(c.snapshot_sha256, 12) AS snapshot,
       v.status AS load_status
FROM review_candidates c
JOIN review_versions v ON v.source_id = c.source_id AND v.year = c.year AND v.sha256 = c.snapshot_sha256
WHERE v.review_rank = 1
  AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.candidate_id = c.candidate_id);
