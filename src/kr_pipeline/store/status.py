"""What `kr status` and `kr history` answer, as data: the queries (over the views) and the
lines they make, written here so that the CLI only parses options and renders. Neither
imports Prefect nor Great Expectations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import KrError
from .connection import QueryResult

SOURCES_SQL = (
    "SELECT source_id, newest_data_year, snapshots, snapshots_loaded AS loaded, snapshots_refused AS refused, "
    "snapshots_withdrawn AS withdrawn, last_load, last_load_status, last_validation_success, last_load_at "
    "FROM source_status ORDER BY 1"
)
REFUSED_SQL = (
    "SELECT source_id, year, file, status, error FROM snapshot_status "
    "WHERE status NOT IN ('loaded', 'reference') AND NOT coalesce(superseded, false) ORDER BY 1, 2"
)
MISSING_SQL = "SELECT indicator_id, breakdown, publisher, list(period ORDER BY year, period) FROM missing_figures GROUP BY ALL ORDER BY 1, 2"
CONFLICTS_SQL = (
    "SELECT indicator_id, period, country_name, breakdown, chosen_value, chosen_source_id, other_value, "
    "other_qualifier, other_source_id, other_kind FROM conflicts ORDER BY ALL"
)


@dataclass
class StatusReport:
    """`kr status`: the next editions (from the registry and the store alone), then what the
    warehouse says per source, and the lines after it. `error`: the warehouse could not be read
    (the editions are still known)."""

    editions: QueryResult
    sources: QueryResult | None = None
    lines: list[str] = field(default_factory=list)
    error: str | None = None


def status_report(settings: Settings) -> StatusReport:
    from ..ingest.inventory import store_problems
    from ..ingest.snapshots import SnapshotStore
    from ..readiness import COLUMNS, readiness
    from ..registry import load_registry
    from .connection import run_query
    from .provenance import NOT_APPLICABLE_SQL, PROVENANCE_SQL, provenance_lines
    from .review import WAITING_SQL, waiting_lines

    editions = readiness(load_registry(settings.sources), SnapshotStore(settings.snapshots))
    report = StatusReport(QueryResult(COLUMNS, [e.row() for e in editions]))

    def ask(sql: str) -> list[tuple]:
        return run_query(settings.warehouse, sql).rows

    try:
        report.sources = run_query(settings.warehouse, SOURCES_SQL)
        refused, missing, conflicts = ask(REFUSED_SQL), ask(MISSING_SQL), ask(CONFLICTS_SQL)
        waiting, traced, not_applicable = ask(WAITING_SQL), ask(PROVENANCE_SQL), ask(NOT_APPLICABLE_SQL)
        problems = store_problems(settings)
    except KrError as exc:
        report.error = str(exc)
        return report
    lines = report.lines
    lines += [line if line.startswith("damaged") else f"damaged: {line}" for line in problems]
    lines += [f"{source_id} {year} {file}: {st}{': ' + error if error else ''}" for source_id, year, file, st, error in refused]
    if missing:
        lines.append(
            "\nExpected figures not in the warehouse (add them to a publisher's curated/ file or snapshot the publication):"
        )
        lines += [f"  {ind} [{breakdown}] {years(periods)} ({publisher})" for ind, breakdown, publisher, periods in missing]
    lines += provenance_lines(traced)
    if not_applicable:
        lines.append("\nNot applicable (the breakdown did not exist yet; not missing):")
        lines += [f"  {ind} [{breakdown}] {years(periods)}" for ind, breakdown, periods in not_applicable]
    if conflicts:
        lines.append("\nConflicting statements (shown: the value chosen by precedence; see README 'Which value is shown'):")
        lines += [
            f"  {ind} {period} {country} [{breakdown}]: shown {cv:g} ({csrc}); {okind} {osrc} says {ov:g} ({oq})"
            for ind, period, country, breakdown, cv, csrc, ov, oq, osrc, okind in conflicts
        ]
    if waiting:  # refused publications' numbers too: they wait all the same
        lines.append(f"\n{sum(n for *_, n in waiting)} numbers wait for review: run `kr review`")
        lines += [f"  {line}" for line in waiting_lines(waiting)]
    return report


def years(periods: list[str]) -> str:
    """["2018", "2019", "2020", "2022"] -> "2018-2020, 2022"."""
    singles = sorted(int(p) for p in periods if p.isdigit())
    spans, start = [], None
    for i, y in enumerate(singles):
        if start is None:
            start = y
        if i + 1 == len(singles) or singles[i + 1] != y + 1:
            spans.append(str(start) if start == y else f"{start}-{y}")
            start = None
    return ", ".join(spans + [p for p in periods if not p.isdigit()])


class NoValues(KrError):
    """No vintage matches (exit 1: an answer, not a usage error)."""


def history(warehouse: Path, indicator: str, country: str | None, year: int | None, breakdown: str | None) -> QueryResult:
    """Every vintage of a figure (view `history`), with the snapshot it came from and when it
    was loaded; a country as 'NL', 'NLD', 'Netherlands', 'Nederland' or a name as published."""
    from .connection import run_query

    where: list[str] = ["indicator_id = ?"]
    params: list[object] = [indicator]
    unknown_country: str | None = None
    if country:
        from ..reading.countries import resolve

        try:  # NL, NLD, Netherlands, Nederland: its ISO code; else a row's name as published ("Europe")
            where.append("(country_iso3 = ? OR lower(country_name) = lower(?))")
            params += [resolve(country), country]
        except LookupError as exc:
            where[-1] = "lower(country_name) = lower(?)"
            params.append(country)
            unknown_country = str(exc)
    if year:
        where.append("year = ?")
        params.append(year)
    if breakdown:
        where.append("breakdown = ?")
        params.append(breakdown)
    sql = f"""SELECT * EXCLUDE (indicator_id, country_iso3, year, retrieved_at) FROM history
              WHERE {" AND ".join(where)}
              ORDER BY year, period, country_name, breakdown, retrieved_at, source_id, vintage"""
    table = run_query(warehouse, sql, params)
    if not table.rows:
        if unknown_country:
            raise KrError(unknown_country)
        raise NoValues(f"no values of {indicator} match")
    return table
