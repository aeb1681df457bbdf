"""Review instead of guessing: numbers a parser would not load on its own (an unclear
period, another organisation, no known measure) wait in `review_queue` with their sentence.
Accepting one writes it as a curated figure, quoted from and checked against its own
snapshot, into the source's curated file; rejecting records the decision. Either way the
candidate leaves the queue; an accepted figure enters `observations` with the next build."""

from __future__ import annotations

from pathlib import Path

from .config import Settings
from .errors import KrError
from .readonly import run_query
from .warehouse import now, open_for_write, transaction

QUEUE_SQL = """SELECT candidate_id, source_id, year, period, as_published, why, indicator_id, breakdown, sentence
               FROM review_queue ORDER BY source_id, year, candidate_id"""

# What waits, per publication (`kr status`, the change report): a refused publication's
# numbers wait too (review_queue.load_status 'rejected').
WAITING_SQL = """SELECT source_id, year, bool_or(load_status = 'rejected') AS refused, count(*) AS waiting
                 FROM review_queue GROUP BY ALL ORDER BY source_id, year"""


def waiting_lines(rows: list[tuple]) -> list[str]:
    """One line per publication of WAITING_SQL's rows: "offlimits 2024: 7 (refused ...)"."""
    return [
        f"{source_id} {year}: {n}" + (" (from a refused publication: they wait all the same)" if refused else "")
        for source_id, year, refused, n in rows
    ]


def queue(settings: Settings) -> tuple[list[str], list[tuple]]:
    if not settings.warehouse.exists():
        return ["candidate_id"], []
    result = run_query(settings.warehouse, QUEUE_SQL)
    return result.columns, result.rows


def _candidate(con, candidate_id: str) -> dict:
    cur = con.execute("SELECT * FROM review_queue WHERE candidate_id = ?", [candidate_id])
    row = cur.fetchone()
    if row is None:
        raise KrError(f"no candidate {candidate_id!r} waits for review (see `kr review`)")
    return dict(zip([d[0] for d in cur.description], row))


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def figure_yaml(c: dict, snapshot: dict, indicator: str, period: str, breakdown: str, qualifier: str) -> str:
    value = c["value"]
    value_text = str(int(value)) if float(value).is_integer() else repr(value)
    lines = [
        f"  - indicator: {indicator}",
        f"    year: {_yaml_str(period)}",
        f"    breakdown: {breakdown}",
        f"    value: {value_text}",
        f"    qualifier: {qualifier}",
        f"    as_published: {_yaml_str(c['as_published'])}",
        f"    note: {_yaml_str('accepted in review ' + c['candidate_id'] + ': ' + c['why'])}",
        "    citation:",
        f"      publication: {_yaml_str(snapshot['title'] or c['source_id'])}",
        *([f"      url: {_yaml_str(snapshot['url'])}"] if snapshot["url"] else []),
        f"      quote: {_yaml_str(c['sentence'])}",
        f"      checked_in: {{source: {c['source_id']}, year: {c['year']}, sha256: {snapshot['sha256']}}}",
    ]
    return "\n".join(lines) + "\n"


def accept(
    settings: Settings,
    candidate_id: str,
    indicator: str | None = None,
    period: str | None = None,
    breakdown: str | None = None,
    qualifier: str | None = None,
) -> Path:
    """Append the candidate to warehouse/curated/<source>.yaml as a curated figure."""
    with open_for_write(settings.warehouse, settings.lock_wait) as con:
        c = _candidate(con, candidate_id)
        indicator, period = indicator or c["indicator_id"], period or c["period"]
        if not indicator or not period:
            raise KrError(f"candidate {candidate_id}: say which figure it is (--indicator and --year): {c['why']}")
        snap = con.execute(
            "SELECT sha256, title, url FROM snapshots WHERE source_id = ? AND year = ? AND left(sha256, 12) = ?",
            [c["source_id"], c["year"], c["snapshot"]],
        ).fetchone()
        snapshot = dict(zip(["sha256", "title", "url"], snap))
        path = settings.curated / f"{c['source_id']}.yaml"
        entry = figure_yaml(
            c, snapshot, indicator, str(period), breakdown or c["breakdown"] or "total", qualifier or c["qualifier"] or "exact"
        )
        settings.curated.mkdir(parents=True, exist_ok=True)
        if path.exists():
            text = path.read_text("utf-8")
            path.write_text(text + ("" if text.endswith("\n") else "\n") + entry, "utf-8")
        else:
            path.write_text(
                f"source_id: {c['source_id']}\ntitle: {_yaml_str('Figures accepted in review: ' + c['source_id'])}\n"
                f"edition: {now().year}\nlanguage: nl\nfigures:\n" + entry,
                "utf-8",
            )
        with transaction(con):
            con.execute("INSERT INTO review_decisions VALUES (?, 'accepted', NULL, ?, ?)", [candidate_id, str(path), now()])
    return path


def reject(settings: Settings, candidate_id: str, reason: str) -> None:
    with open_for_write(settings.warehouse, settings.lock_wait) as con:
        _candidate(con, candidate_id)
        with transaction(con):
            con.execute("INSERT INTO review_decisions VALUES (?, 'rejected', ?, NULL, ?)", [candidate_id, reason, now()])
