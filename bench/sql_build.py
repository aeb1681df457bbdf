"""The yardstick of a cold build: `kr build` itself, with validation done by one DuckDB SQL pass
per suite instead of Great Expectations (the same verdicts on the bench's data: bench/run.py
checks that both builds load and refuse the same publications).

    .venv/bin/python bench/sql_build.py            (with KR_WAREHOUSE etc. as for `kr build`)
    .venv/bin/python bench/sql_build.py --verdicts FRAMES.pickle

The second form is the yardstick of validation in a fresh process: the verdicts of the
pickled {publication: frame} on the observations suite, as one SQL pass, with its imports.

The SQL states the suites' rules (expectations/*.json) by their meaning, not their code;
a rule added to a suite must be added here too, or the bench's equal-verdicts check fails.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Rows breaking any per-row rule of expectations/observations.json, and duplicate keys, per
# publication (`pub`) of the table `frames`.
OBSERVATIONS_SQL = """
SELECT pub,
    count(*) FILTER (WHERE indicator_id IS NULL OR NOT regexp_matches(indicator_id, '^[a-z0-9_]+\\.[a-z0-9_]+$')
    OR year IS NULL OR year < 1950 OR year > $max_year
    OR NOT regexp_matches(period, '^\\d{4}(?:-\\d{4}|-H[12])?$')
    OR country_name IS NULL OR breakdown IS NULL OR unit IS NULL OR location IS NULL
    OR qualifier NOT IN ('exact', 'approx', 'lower_bound', 'suppressed', 'range', 'no_value')
    OR area_type NOT IN ('country', 'no_country', 'aggregate', 'other', 'total')
    OR (country_iso3 IS NOT NULL AND NOT regexp_matches(country_iso3, '^[A-Z]{3}$'))
    OR (qualifier IN ('exact', 'approx', 'lower_bound') AND value IS NULL)
    OR (qualifier IN ('suppressed', 'no_value') AND value IS NOT NULL)
    OR (unit <> 'percent_change' AND value < 0)
    OR (unit = 'percent' AND (value < 0 OR value > 100))
    OR (unit NOT IN ('percent', 'percent_change') AND value IS NOT NULL AND value % 1 <> 0)
    OR text_part NOT IN ('table', 'body', 'headline')
    OR (unit = 'percent_change' AND value < -100)) AS broken,
    count(*) - count(DISTINCT (indicator_id, year, period, country_name, breakdown)) AS duplicates
FROM frames GROUP BY pub
"""

PARTY_POSITIONS_SQL = """
SELECT pub,
    count(*) FILTER (WHERE theme IS NULL OR party IS NULL
    OR kind NOT IN ('statement', 'note', 'no_statements')
    OR (kind <> 'no_statements' AND text IS NULL)
    OR rating < 1 OR rating > 6) AS broken,
    count(*) - count(DISTINCT (theme, party, statement_no)) AS duplicates
FROM frames GROUP BY pub
"""


def sql_validate_many(frames: dict, suite: str = "observations") -> dict:
    """validate.validate_many's contract, by one DuckDB query over every publication's rows."""
    import json

    import duckdb
    import pandas as pd

    from kr_pipeline.store.validate import ValidationReport, suite_path

    spec = json.loads(suite_path(suite).read_text("utf-8"))
    columns = next(e["kwargs"]["column_set"] for e in spec["expectations"] if e["type"] == "expect_table_columns_to_match_set")
    sql = OBSERVATIONS_SQL if suite == "observations" else PARTY_POSITIONS_SQL
    extra = {"value_fraction"} if suite == "observations" else set()  # validate._prepared adds it
    fits = {k: df for k, df in frames.items() if not df.empty and set(df.columns) | extra == set(columns)}
    con = duckdb.connect()
    con.register("frames", pd.concat([df.assign(pub=k) for k, df in fits.items()]) if fits else pd.DataFrame({"pub": []}))
    parameters = {"max_year": dt.date.today().year + 1} if suite == "observations" else {}
    verdicts = {pub: broken + duplicates for pub, broken, duplicates in con.execute(sql, parameters).fetchall()} if fits else {}
    reports = {}
    for k in frames:
        failed = 0 if k in fits and verdicts.get(k, 0) == 0 else 1
        reports[k] = ValidationReport(
            suite, not failed, len(spec["expectations"]), failed, ["sql: rules broken"] if failed else []
        )
    return reports


def main(argv: list[str]) -> None:
    from kr_pipeline.store import validate

    if argv[:1] == ["--verdicts"]:
        import pickle

        frames = pickle.loads(Path(argv[1]).read_bytes())
        reports = sql_validate_many(frames)
        print(sum(r.success for r in reports.values()), "of", len(reports), "pass")
        return
    validate.validate_many = sql_validate_many  # type: ignore[assignment]
    if hasattr(validate, "prepare_in_background"):
        validate.prepare_in_background = lambda: None  # type: ignore[assignment]
    from kr_pipeline.cli import main as kr

    kr(["build", *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
