-- Runs (issue 27): every run that writes a change report (kr build, kr update, kr check,
-- kr backfill, kr snapshot withdraw, the Prefect flows) is a row, with its report as text, and
-- every load of the run carries its id, so "what changed in the last update" is one query
-- (view run_changes). Loads of before this migration have no run (NULL).
CREATE TABLE runs (
    run_id       VARCHAR PRIMARY KEY,   -- <started, UTC>-<flow>-<random>: 20261206T121101-annual-update-3f9a1c
    flow         VARCHAR NOT NULL,      -- build | annual-update | check-source | backfill | withdraw | ...
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ NOT NULL,
    status       VARCHAR NOT NULL,      -- completed | completed with failures
    summary      VARCHAR NOT NULL,      -- one line per source
    report       VARCHAR NOT NULL,      -- the change report (Markdown), as written to reports/
    report_file  VARCHAR                -- where it was written
);
ALTER TABLE loads ADD COLUMN run_id VARCHAR;
