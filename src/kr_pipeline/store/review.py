"""Review instead of guessing: numbers a parser would not load on its own (an unclear
period, another organisation, no known measure) wait in `review_queue` with their sentence.
Accepting one writes it as a curated figure, quoted from and checked against its own
snapshot, into the source's curated file; rejecting records the decision. Either way the
candidate leaves the queue; an accepted figure enters `observations` with the next build.

Accepting checks the entry as the build will before anything is written: the new curated
file is built in memory and read by the curated parser itself (catalog, period, quote in its
own snapshot), and no figure of the same series may exist in the file or among the accepted
decisions. The file is replaced atomically (a temporary file in the same folder, fsync,
os.replace: a full disk leaves the old file whole) in the same step as the decision is
recorded. Both commands are idempotent: the entry's note carries the candidate id, so an
accept that finds its entry in the file only records the decision (after a crash between the
two, or a second accept), and a second reject changes nothing."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import KrError, ParseError
from .connection import open_for_write, run_query, transaction
from .warehouse import now

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
    """A stored candidate (waiting or decided), with `waiting` (in the queue now) and its decision."""
    cur = con.execute(
        """SELECT c.*, q.candidate_id IS NOT NULL AS waiting, d.decision, d.reason AS decision_reason,
                  d.curated_file AS decided_file, d.decided_at
           FROM review_candidates c
           LEFT JOIN review_queue q ON q.candidate_id = c.candidate_id
           LEFT JOIN (SELECT * FROM review_decisions QUALIFY row_number() OVER (
                          PARTITION BY candidate_id ORDER BY decided_at) = 1) d ON d.candidate_id = c.candidate_id
           WHERE c.candidate_id = ?""",
        [candidate_id],
    )
    row = cur.fetchone()
    if row is None:
        raise KrError(f"no candidate {candidate_id!r} waits for review (see `kr review`)")
    return dict(zip([d[0] for d in cur.description], row))


def _not_waiting(c: dict) -> KrError:
    """Why an undecided candidate cannot be decided: it is not of its publication's newest version."""
    return KrError(
        f"candidate {c['candidate_id']} is of an older version of {c['source_id']} {c['year']} "
        f"(snapshot {c['snapshot_sha256'][:12]}): decide the newest version's candidates (see `kr review`)"
    )


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _note(c: dict) -> str:
    return f"accepted in review {c['candidate_id']}: {c['why']}"


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
        f"    note: {_yaml_str(_note(c))}",
        "    citation:",
        f"      publication: {_yaml_str(snapshot['title'] or c['source_id'])}",
        *([f"      url: {_yaml_str(snapshot['url'])}"] if snapshot["url"] else []),
        f"      quote: {_yaml_str(c['sentence'])}",
        f"      checked_in: {{source: {c['source_id']}, year: {c['year']}, sha256: {snapshot['sha256']}}}",
    ]
    return "\n".join(lines) + "\n"


def curated_file_of(settings: Settings, source_id: str) -> Path:
    """The source's curated file, as the build finds it: named after the source
    (<source_id>.yaml or .yml), the only file that claims it; for a new one, <source_id>.yaml in
    its organisation's curated/ folder. Files the build would refuse (misnamed, two claiming the source) refuse."""
    from ..reading.curated import curated_files, file_header, new_curated_file
    from ..registry import load_registry

    claims = []
    for path in curated_files(settings.curated):
        try:
            claimed = file_header(path.read_bytes(), path.name)["source_id"]
        except (ParseError, OSError):
            claimed = None  # unreadable: the build refuses it, naming it; it counts by its name here
        if claimed == source_id or path.stem == source_id:
            claims.append(path)
    if not claims:
        source = load_registry(settings.sources).get(source_id)
        return new_curated_file(settings.curated, source_id, source.organisation if source else source_id)
    if len(claims) > 1 or claims[0].stem != source_id:
        raise KrError(
            f"{', '.join(p.name for p in claims)}: the build loads one curated file per source, named {source_id}.yaml "
            "with its source_id; fix that first"
        )
    return claims[0]


def _figures(path: Path, text: str) -> list[dict]:
    """The figures of a curated file's text (refused in one line when it cannot be read)."""
    from ..reading.curated import file_header

    try:
        return file_header(text.encode("utf-8"), path.name)["figures"]
    except ParseError as exc:
        raise KrError(f"{path}: {exc.reason}; fix the file first (the build refuses it as it is)") from None


def _holds(figures: list[dict], candidate_id: str) -> bool:
    """Does the file hold the entry written for this candidate (its note names the candidate)?"""
    mark = re.compile(rf"\baccepted in review {re.escape(candidate_id)}\b")
    return any(mark.search(str(f.get("note") or "")) for f in figures)


def _series(fig: dict) -> tuple[str, str, str, str]:
    """A curated figure's series: (indicator, period, breakdown, country)."""
    return (str(fig.get("indicator")), str(fig.get("year")), str(fig.get("breakdown", "total")), str(fig.get("country", "NLD")))


def _check_entry(settings: Settings, c: dict, path: Path, old: str | None, new: str, entry: str) -> None:
    """The build's own check of the new entry, then of the whole new file: the curated parser
    reads them (catalog, period, quote in its own stored snapshot), with the snapshot store
    as its context. Raises KrError naming what to fix."""
    from ..ingest.snapshots import SnapshotStore
    from ..reading import curated
    from ..reading.context import ParseContext

    context = ParseContext(SnapshotStore(settings.snapshots))
    alone = _header(c["source_id"], now().year) + entry

    def reason(text: str) -> str | None:
        try:
            curated.parse(text.encode("utf-8"), now().year, path.name, context)
        except ParseError as exc:
            return re.sub(r"^[^:]*:\d+: ", "", exc.reason)  # its line in a file not yet written
        return None

    wrong = reason(alone)
    if wrong:
        raise KrError(f"candidate {c['candidate_id']} would be refused by the build: {wrong}")
    wrong = reason(new)
    if wrong:
        already = old is not None and reason(old) == wrong
        raise KrError(
            f"{path} is refused by the build as it is: {wrong}; fix it first"
            if already
            else f"with candidate {c['candidate_id']}, {path} would be refused by the build: {wrong}"
        )


def _header(source_id: str, edition: int) -> str:
    return (
        f"source_id: {source_id}\ntitle: {_yaml_str('Figures accepted in review: ' + source_id)}\n"
        f"edition: {edition}\nlanguage: nl\nfigures:\n"
    )


def write_atomically(path: Path, text: str) -> None:
    """Replace the file with `text` whole or not at all: a temporary file in the same folder,
    flushed to disk (fsync), then os.replace. A full disk or a crash leaves the old file intact
    (and no temporary file behind, but for a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the rename itself on disk (not every file system allows it)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


@dataclass
class Accepted:
    path: Path
    written: bool  # False: its entry was in the file already; only the decision was recorded (or was)

    def message(self, candidate_id: str) -> str:
        if self.written:
            return f"accepted {candidate_id}: written to {self.path}; run `kr build` to load it"
        return f"accepted {candidate_id}: its entry was already in {self.path} (nothing written twice); run `kr build` to load it"


def _record(con, c: dict, decision: str, reason: str | None, path: Path | None, series: tuple | None) -> None:
    indicator, period, breakdown = series or (None, None, None)
    con.execute(
        "INSERT INTO review_decisions (candidate_id, decision, reason, curated_file, decided_at, indicator_id, period, breakdown) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [c["candidate_id"], decision, reason, str(path) if path else None, now(), indicator, period, breakdown],
    )


def accept(
    settings: Settings,
    candidate_id: str,
    indicator: str | None = None,
    period: str | None = None,
    breakdown: str | None = None,
    qualifier: str | None = None,
) -> Accepted:
    """Write the candidate into its source's curated file as a curated figure, checked as the
    build will check it, and record the decision; idempotent (see the module's docstring)."""
    with open_for_write(settings.warehouse, settings.lock_wait) as con:  # the one writer: no two accepts at once
        c = _candidate(con, candidate_id)
        path = curated_file_of(settings, c["source_id"])
        old = path.read_text("utf-8") if path.exists() else None
        figures = _figures(path, old) if old is not None else []
        if _holds(figures, candidate_id):  # accepted before (or written, then the record was lost)
            if c["decision"] != "accepted":
                with transaction(con):
                    held = next(f for f in figures if _holds([f], candidate_id))
                    _record(
                        con,
                        c,
                        "accepted",
                        None,
                        path,
                        (held.get("indicator"), str(held.get("year")), held.get("breakdown", "total")),
                    )
            return Accepted(path, written=False)
        if c["decision"] == "accepted":
            raise KrError(
                f"candidate {candidate_id} was accepted on {c['decided_at']:%Y-%m-%d} into {c['decided_file']}, which no longer "
                f"holds it (no figure's note says 'accepted in review {candidate_id}'): write the figure there by hand"
            )
        if c["decision"] == "rejected":
            raise KrError(
                f"candidate {candidate_id} was rejected on {c['decided_at']:%Y-%m-%d} ({c['decision_reason']}): not written"
            )
        if not c["waiting"]:
            raise _not_waiting(c)
        indicator, period = indicator or c["indicator_id"], period or c["period"]
        if not indicator or not period:
            raise KrError(f"candidate {candidate_id}: say which figure it is (--indicator and --year): {c['why']}")
        if not breakdown and not c["breakdown"]:
            from ..catalog import load_catalog

            known = load_catalog().get(indicator)
            if known is not None and set(known.breakdowns) != {"total"}:
                raise KrError(
                    f"candidate {candidate_id} proposes no breakdown of {indicator}, which has {known.breakdowns}: "
                    "say which (--breakdown): a part is never stored as the total"
                )
        breakdown, qualifier = breakdown or c["breakdown"] or "total", qualifier or c["qualifier"] or "exact"
        series = (indicator, str(period), breakdown)
        _check_unit(c, indicator)
        for fig in figures:
            if _series(fig)[:3] == series and _series(fig)[3] == "NLD":
                raise KrError(
                    f"{path} already holds {indicator} {period} [{breakdown}] (as published {fig.get('as_published')!r}): "
                    f"one figure per series; reject candidate {candidate_id}, or name another series (--indicator/--year/--breakdown)"
                )
        other = con.execute(  # another candidate whose decision (its latest) accepted it as this series
            """SELECT candidate_id, decided_at FROM review_decisions
               QUALIFY row_number() OVER (PARTITION BY candidate_id ORDER BY decided_at DESC) = 1
                   AND decision = 'accepted' AND candidate_id <> ? AND indicator_id = ? AND period = ? AND breakdown = ?
               ORDER BY decided_at LIMIT 1""",
            [candidate_id, *series],
        ).fetchone()
        if other:
            raise KrError(
                f"candidate {other[0]} was accepted as {indicator} {period} [{breakdown}] on {other[1]:%Y-%m-%d}: one figure per "
                f"series; reject candidate {candidate_id}, or name another series (--indicator/--year/--breakdown)"
            )
        snap = con.execute(
            "SELECT sha256, title, url FROM snapshots WHERE source_id = ? AND year = ? AND sha256 = ?",
            [c["source_id"], c["year"], c["snapshot_sha256"]],
        ).fetchone()
        if snap is None:
            raise KrError(f"candidate {candidate_id}: its snapshot {c['snapshot_sha256'][:12]} is not registered; run `kr build`")
        entry = figure_yaml(c, dict(zip(["sha256", "title", "url"], snap)), indicator, str(period), breakdown, qualifier)
        new = (
            (old + ("" if old.endswith("\n") else "\n") + entry)
            if old is not None
            else _header(c["source_id"], now().year) + entry
        )
        _check_entry(settings, c, path, old, new, entry)
        with transaction(con):  # the decision commits only once the file is replaced
            _record(con, c, "accepted", None, path, series)
            write_atomically(path, new)
    return Accepted(path, written=True)


def _check_unit(c: dict, indicator: str) -> None:
    """The catalog's unit: a percentage ("75%") is no count, and a count no percentage (a
    share is printed with % or "procent", or as "één op de drie")."""
    from ..catalog import load_catalog

    ind = load_catalog().get(indicator)
    if ind is None:
        return  # the curated parser's check names it
    printed = str(c["as_published"])
    share = "%" in printed or re.search(r"procent|percent| op de | in the ", printed, re.I) is not None
    if share and not ind.unit.startswith("percent"):
        raise KrError(
            f"candidate {c['candidate_id']}: {printed!r} is a percentage and {indicator} counts {ind.unit} "
            "(the publisher's indicators.yaml): name a percent indicator (--indicator)"
        )
    if not share and ind.unit.startswith("percent"):
        raise KrError(
            f"candidate {c['candidate_id']}: {printed!r} is no percentage and {indicator} counts {ind.unit} "
            "(the publisher's indicators.yaml): name an indicator that counts what the sentence counts (--indicator)"
        )


def reject(settings: Settings, candidate_id: str, reason: str) -> bool:
    """Record that a candidate is not a figure to load. Idempotent: rejecting it again changes
    nothing (returns False). A candidate whose entry is in its curated file is not rejected:
    the entry must leave the file first (then it can be)."""
    with open_for_write(settings.warehouse, settings.lock_wait) as con:
        c = _candidate(con, candidate_id)
        if c["decision"] == "rejected":
            return False
        path = curated_file_of(settings, c["source_id"])
        text = path.read_text("utf-8") if path.exists() else None
        if text is not None and _holds(_figures(path, text), candidate_id):
            raise KrError(
                f"candidate {candidate_id} was accepted: its figure is in {path}; to reject it, remove that entry "
                f"(note 'accepted in review {candidate_id}') first"
            )
        if c["decision"] is None and not c["waiting"]:
            raise _not_waiting(c)
        with transaction(con):  # (an accepted candidate whose entry was removed by hand: now rejected)
            _record(con, c, "rejected", reason, None, None)
    return True
