"""The change report of a run: new years, revised figures (old -> new, with their sources),
sources that failed or are not yet published, and validation results. Written as Markdown to
warehouse/reports/ and, inside a Prefect flow, as a markdown artifact."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..pipeline import SourceReport, summarise
from ..store.connection import run_query
from ..store.review import WAITING_SQL, waiting_lines
from ..store.runs import new_run_id, record_run, update_run


@dataclass
class RunSummary:
    flow: str
    offline: bool
    failed_sources: list[str]
    lines: list[str]  # one per source
    markdown: str
    path: Path | None
    failures: list[str] = field(default_factory=list)  # "iwf 2025 (HTTP 500)": what failed, in a few words
    site: Path | None = None  # the website built after the run
    site_error: str | None = None  # why it could not be built
    run_id: str | None = None  # its row in the warehouse's `runs` (kr_pipeline.store.runs)
    published: str | None = None  # where the site and the read-only copy were published
    publish_error: str | None = None  # why they could not be

    @property
    def failed(self) -> bool:
        return bool(self.failed_sources) or self.site_error is not None or self.publish_error is not None

    @property
    def state_message(self) -> str:
        """One line: "completed" or "completed with failures: iwf 2025 (HTTP 500), ncmec 2021
        (host not found)" (the run's state message, the CLI's last line and the alert's text)."""
        if self.failed:
            failures = (
                (self.failures or self.failed_sources)
                + ([f"site ({self.site_error})"] if self.site_error else [])
                + ([f"publish ({self.publish_error})"] if self.publish_error else [])
            )
            return "completed with failures: " + ", ".join(failures)
        return "completed"


class RunFailed(Exception):
    """The result of a run with failures (a Failed state's data, as Prefect wants: an exception,
    never raised, so no traceback): its message is the state message, its summary the report."""

    def __init__(self, summary: RunSummary):
        super().__init__(summary.state_message)
        self.summary = summary

    def __reduce__(self):
        return (type(self), (self.summary,))


def _fmt(v) -> str:
    if v is None:
        return "NULL"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _rows(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    if not settings.warehouse.exists():
        return []
    return run_query(settings.warehouse, sql, params).rows


def revised_figures(settings: Settings, load_ids: list[str]) -> list[tuple]:
    """Values that these loads changed: (indicator, year/period, country, breakdown, old, new,
    old source, new source)."""
    if not load_ids:
        return []
    return _rows(
        settings,
        f"""SELECT indicator_id, period, country_name, breakdown, old_value, old_qualifier, new_value, new_qualifier,
                   old_url, old_snapshot, new_url, new_snapshot
            FROM revisions WHERE load_id IN ({", ".join("?" * len(load_ids))}) ORDER BY 1, 2, 3, 4""",
        load_ids,
    )


def missing_figures(settings: Settings) -> list[tuple]:
    return _rows(
        settings,
        "SELECT indicator_id, breakdown, publisher, string_agg(period, ', ' ORDER BY year, period) "
        "FROM missing_figures GROUP BY ALL ORDER BY 1, 2",
    )


def validation_results(settings: Settings, load_ids: list[str]) -> list[tuple]:
    if not load_ids:
        return []
    return _rows(
        settings,
        f"""SELECT source_id, year, file, status, validation_success, validation_summary
            FROM loads WHERE load_id IN ({", ".join("?" * len(load_ids))}) ORDER BY source_id, year""",
        load_ids,
    )


def change_report(
    settings: Settings,
    flow: str,
    reports: list[SourceReport],
    started: dt.datetime,
    allow_offline: bool = False,
    write: bool = True,
) -> RunSummary:
    lines = [summarise(r) for r in reports]
    # Offline: no publisher at all answered (an HTTP 500 or a 404 is an answer).
    attempted = [r for r in reports if r.fetched]
    offline = bool(attempted) and not any(r.answered for r in attempted)
    excused = offline and allow_offline
    failed = [r.source_id for r in reports if r.failed or (r.unreachable and not excused)]
    failures = [f for r in reports if r.source_id in failed for f in r.failures(offline_allowed=excused)]
    load_ids = [b.load_id for r in reports for b in r.built if b.load_id]
    md = [f"# kr-pipeline {flow}: {started:%Y-%m-%d %H:%M} UTC", ""]
    md += [f"**{'Completed with failures: ' + ', '.join(failures) if failed else 'Completed'}**", ""]
    md += headline(reports, offline)
    md += ["## Per source", ""] + [f"- {line}" for line in lines] + [""]

    new = [(b.source_id, b.year, b.file, b.rows_new) for r in reports for b in r.built if b.status == "loaded" and b.rows_new]
    md += ["## New figures", ""]
    md += [f"- {s} {y} ({f}): {n:,} new values" for s, y, f, n in new] or ["- none"]
    md += ["", "## Revised figures (a new vintage; the old one stays queryable)", ""]
    revised = revised_figures(settings, load_ids)
    if revised:
        md += [
            "| indicator | period | country | breakdown | old | new | old source | new source |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for ind, period, country, breakdown, ov, oq, nv, nq, ourl, osha, nurl, nsha in revised:
            md.append(
                f"| {ind} | {period} | {country} | {breakdown} | {_fmt(ov)} ({oq}) | {_fmt(nv)} ({nq}) | "
                f"{ourl or ''} `{osha}` | {nurl or ''} `{nsha}` |"
            )
    else:
        md.append("- none")
    md += ["", "## Not reached, not yet published, moved, refused", ""]
    problems = []
    for r in reports:
        for o in r.fetched:
            if o.status in ("unreachable", "error", "skipped", "not_yet_published", "removed"):
                said = "moved or removed" if o.status == "removed" else o.status.replace("_", " ")
                problems.append(f"- {o.source_id} {o.year}: {said}: {o.message}")
        for b in r.built:
            if b.status != "loaded":
                problems.append(f"- {b.source_id} {b.year} ({b.file}): {b.status}: {b.message}")
        if r.error:
            problems.append(f"- {r.source_id}: {r.error}")
    md += problems or ["- none"]
    md += ["", "## Not asked in this run", ""]
    md += not_asked_lines(reports) or ["- none"]
    withdrawn = [w for r in reports for w in r.withdrawn]
    if withdrawn:
        md += ["", "## Withdrawn snapshots (their values left `observations`; file and history stay)", ""]
        for w in withdrawn:
            s = w.snapshot
            md.append(
                f"- {s.source_id} {s.year} `{s.sha256[:12]}` ({s.file}): {s.withdrawn_reason}; "
                f"{w.values_left} values left observations, {w.series_now_from_elsewhere} of those series "
                "now show another statement's value"
            )
    md += ["", "## Validation", ""]
    checks = validation_results(settings, load_ids)
    for source_id, year, file, status, success, summary in checks:
        detail = json.loads(summary) if summary else {}
        counts = f"{detail.get('evaluated', '?')} expectations, {detail.get('failed', 0)} failed" if detail else "not validated"
        md.append(
            f"- {source_id} {year} ({file}): {status}; {'passed' if success else 'FAILED' if success is False else 'n/a'} ({counts})"
        )
    if not checks:
        md.append("- nothing was validated in this run")
    md += ["", "## Conflicting statements (the value shown was chosen by precedence)", ""]
    conflicts = _rows(
        settings,
        "SELECT indicator_id, period, country_name, breakdown, chosen_value, chosen_source_id, "
        "other_value, other_qualifier, other_source_id, other_kind FROM conflicts ORDER BY ALL",
    )
    md += [
        f"- {ind} {period} {country} [{b}]: shown {_fmt(cv)} ({cs}); {ok} {os_} says {_fmt(ov)} ({oq})"
        for ind, period, country, b, cv, cs, ov, oq, os_, ok in conflicts
    ] or ["- none"]
    waiting = _rows(settings, WAITING_SQL)  # refused publications' numbers too: they wait all the same
    md += ["", "## Review", "", f"- {sum(n for *_, n in waiting)} numbers wait for review (`kr review`)"]
    md += [f"  - {line}" for line in waiting_lines(waiting)]
    md += ["", "## Expected figures still missing", ""]
    missing = missing_figures(settings)
    md += [f"- {ind} [{b}] {periods} ({pub})" for ind, b, pub, periods in missing] or ["- none"]
    markdown = "\n".join(md) + "\n"
    path = None
    summary = RunSummary(flow, offline, failed, lines, markdown, path, failures)
    if write:
        settings.reports.mkdir(parents=True, exist_ok=True)
        path = summary.path = settings.reports / f"{started:%Y%m%dT%H%M%S}-{flow}.md"
        path.write_text(markdown, "utf-8")
        summary.run_id = new_run_id(flow, started)  # the run as a row of `runs`, its loads stamped (kr_pipeline.store.runs)
        record_run(
            settings, summary.run_id, flow, started, summary.state_message, "\n".join(lines), markdown, str(path), load_ids
        )
    return summary


def headline(reports: list[SourceReport], offline: bool) -> list[str]:
    """Under the run's state: "offline" only when no publisher answered at all; otherwise per
    source that was asked, which years answered and which failed, and why."""
    if offline:
        return ["No publisher could be reached (offline?): built from the snapshot store.", ""]
    out = []
    for r in reports:
        if not r.fetched:
            continue
        answered = [o for o in r.fetched if not o.failed]
        failed = [o for o in r.fetched if o.failed]
        said = []
        if answered:
            kinds: dict[str, list[int]] = {}
            for o in answered:
                kinds.setdefault(o.status.replace("_", " ") if o.status != "removed" else "moved or removed", []).append(o.year)
            said.append("answered for " + "; ".join(f"{', '.join(map(str, ys))} ({k})" for k, ys in kinds.items()))
        if failed:
            said.append("failed: " + ", ".join(f"{o.year} ({o.why})" for o in failed))
        out.append(f"- {r.source_id}: " + "; ".join(said))
    return out + [""] if out else []


def not_asked_lines(reports: list[SourceReport]) -> list[str]:
    """The years a run did not ask the publisher, why, and the command that asks them."""
    out = []
    for r in reports:
        by_reason: dict[str, list[int]] = {}
        for year, why in r.not_asked:
            by_reason.setdefault(why, []).append(year)
        for why, years in by_reason.items():
            ys = ",".join(map(str, years))
            recheck = " --recheck" if why.startswith("stored") else ""
            out.append(
                f"- {r.source_id} {ys.replace(',', ', ')}: {why}; to ask: `kr backfill --source {r.source_id} --years {ys}{recheck}`"
            )
    return out


def add_outputs(summary: RunSummary, settings: Settings) -> None:
    """Link the site built and the copy published after the run (or say why not) in its report,
    its file and its row of `runs`."""
    lines = []
    if summary.site:
        lines.append(f"- site: {summary.site / 'index.html'}")
    if summary.site_error:
        lines.append(f"- site not built: {summary.site_error}")
    if summary.published:
        lines.append(f"- published (site and read-only copy): {summary.published}")
    if summary.publish_error:
        lines.append(f"- not published: {summary.publish_error}")
    if not lines:
        return
    summary.markdown += "\n## Site and published copy\n\n" + "\n".join(lines) + "\n"
    if summary.path is not None:
        summary.path.write_text(summary.markdown, "utf-8")
    if summary.run_id is not None:
        update_run(settings, summary.run_id, summary.state_message, summary.markdown)
