"""The pipeline's steps as plain functions: fetch -> snapshot -> parse -> validate -> load.

Prefect flows (flows/) wrap these same functions as tasks; the CLI and the tests call them
directly. Every step is small and named for what it does.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal
from urllib.parse import urlsplit

from . import warehouse
from .catalog import CATALOG_FILE, load_catalog, sync_catalog
from .config import EXPECTATIONS_DIR, Settings
from .errors import (
    FetchError,
    KrError,
    NotYetPublished,
    ParseError,
    SnapshotError,
    Unreachable,
    ValidationFailed,
)
from .fetch import Fetcher
from .observations import ParsedPublication
from .registry import Source, load_registry
from .snapshots import Snapshot, SnapshotStore
from .sources import REFERENCE, package_dir
from .sources.curated import parser as curated
from .sources.curated.parser import ParseContext

# A parser is the package kr_pipeline.sources.<name> (parse(data, year, file) in its parser.py);
# the registry's valid names are the packages found there. Modules are imported when first
# needed, so that a build with nothing new does not pay for pandas, pypdf or BeautifulSoup.
# These also get the parse context (to check quotes against other stored documents):
CONTEXT_PARSERS = {"curated"}
_PACKAGE = Path(__file__).parent
# The code every parse result depends on besides its own package: a change here makes refused
# snapshots worth retrying.
_SHARED_CODE = [_PACKAGE / "reading", _PACKAGE / "observations.py", _PACKAGE / "data"]


def _code_files(*paths: Path) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.suffix in (".py", ".yaml"))


@functools.cache
def fingerprint(parser: str) -> str:
    h = hashlib.sha256()
    for path in _code_files(package_dir(parser), *_SHARED_CODE):
        h.update(path.read_bytes())
    for suite in sorted(EXPECTATIONS_DIR.glob("*.json")):
        h.update(suite.read_bytes())
    if parser == "curated":
        h.update(CATALOG_FILE.read_bytes())
    return h.hexdigest()[:16]


def outcome_fingerprint(parser: str, context: ParseContext | None) -> str:
    """What a parse outcome depends on: the code, and for parsers that read other stored
    documents (curated quotes), which documents the store holds, so that a figure refused
    because its cited document was missing is tried again once the document arrives."""
    if parser not in CONTEXT_PARSERS or context is None or context.store is None:
        return fingerprint(parser)
    h = hashlib.sha256(fingerprint(parser).encode())
    for snap in context.store.list():
        h.update(f"{snap.source_id}/{snap.year}/{snap.sha256}/{snap.url}\n".encode())
    return h.hexdigest()[:16]


def parser_for(snap: Snapshot, source: Source) -> str:
    """Curated files are read by the curated parser whatever their source's own parser is."""
    return "curated" if snap.origin == "curated" else source.parser


# ---------------------------------------------------------------- fetch


FetchStatus = Literal["new", "unchanged", "not_yet_published", "error", "unreachable", "skipped"]


@dataclass
class FetchOutcome:
    source_id: str
    year: int
    status: FetchStatus  # skipped: not tried, its host was just unreachable
    message: str
    snapshot: Snapshot | None = None

    @property
    def failed(self) -> bool:
        """The publication was not got (a 404 is "not yet published", not a failure)."""
        return self.status in ("error", "unreachable", "skipped")


def fetch_publication(store: SnapshotStore, source: Source, year: int, fetcher: Fetcher) -> FetchOutcome:
    """Download one year's publication into the store (conditional GET when we have it)."""
    url = source.url_for(year)
    if url is None:
        return FetchOutcome(source.source_id, year, "error", "no URL in the source registry")
    previous = store.latest(source.source_id, year)
    same_url = previous is not None and previous.url == url
    result = fetcher.get(
        source.source_id,
        year,
        url,
        expect=source.format,
        etag=previous.etag if previous and same_url else None,
        last_modified=previous.last_modified if previous and same_url else None,
    )
    if result.not_modified and previous is not None:  # only asked when we have it
        return FetchOutcome(source.source_id, year, "unchanged", f"not modified since {previous.retrieved_at}", previous)
    snap, created = store.add(
        source.source_id,
        year,
        result.data,
        url=result.final_url,
        title=source.title_for(year),
        publisher=source.publisher,
        content_type=result.content_type,
        origin="fetched",
        licence=source.licence,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    if not created:
        return FetchOutcome(source.source_id, year, "unchanged", "same bytes as the stored snapshot", snap)
    what = "a re-publication (possible revision)" if previous else "new publication"
    return FetchOutcome(source.source_id, year, "new", f"{what}: {snap.size:,} bytes, sha256 {snap.sha256[:12]}", snap)


def years_to_fetch(store: SnapshotStore, source: Source, recheck: bool = False, today: dt.date | None = None) -> list[int]:
    """Years the registry says may be published that the store lacks (or all, to recheck)."""
    have = {s.year for s in store.list(source.source_id)}
    return [y for y in source.candidate_years(today) if recheck or y not in have]


def fetch_year(store: SnapshotStore, source: Source, year: int, fetcher: Fetcher) -> FetchOutcome:
    """fetch_publication, with the expected failures turned into outcomes."""
    try:
        return fetch_publication(store, source, year, fetcher)
    except NotYetPublished as exc:
        return FetchOutcome(source.source_id, year, "not_yet_published", exc.reason)
    except Unreachable as exc:
        return FetchOutcome(source.source_id, year, "unreachable", str(exc))
    except FetchError as exc:
        return FetchOutcome(source.source_id, year, "error", str(exc))
    except SnapshotError as exc:
        return FetchOutcome(source.source_id, year, "error", str(exc))


def fetch_source(
    store: SnapshotStore,
    source: Source,
    fetcher: Fetcher,
    years: list[int] | None = None,
    recheck: bool = False,
    fetch_one: Callable = fetch_year,
) -> list[FetchOutcome]:
    """Look for new publications of one source. Every year is tried, except a year whose URL
    is on a host that was just unreachable for another year (recorded as skipped, with why)."""
    outcomes: list[FetchOutcome] = []
    down: dict[str, int] = {}  # host -> the year it failed for
    for year in years if years is not None else years_to_fetch(store, source, recheck):
        url = source.url_for(year)
        host = urlsplit(url).netloc.lower() if url else ""
        if host and host in down:
            outcomes.append(
                FetchOutcome(source.source_id, year, "skipped", f"not tried: {host} could not be reached for {down[host]}")
            )
            continue
        outcomes.append(fetch_one(store, source, year, fetcher))
        if outcomes[-1].status == "unreachable" and host:
            down[host] = year
    return outcomes


# ---------------------------------------------------------------- build


@dataclass
class PublicationResult:
    source_id: str
    year: int
    file: str
    status: str  # loaded | rejected | failed
    message: str
    load_id: str | None = None
    rows_new: int = 0
    rows_revised: int = 0
    rows_unchanged: int = 0
    rows_retracted: int = 0


def parse_snapshot(snap: Snapshot, parser: str, context: ParseContext | None = None) -> ParsedPublication:
    """Parse a stored file after checking its checksum. Never touches the network."""
    data = snap.read_verified()
    module = importlib.import_module(f"kr_pipeline.sources.{parser}.parser")
    try:
        if parser in CONTEXT_PARSERS:
            return module.parse(data, snap.year, snap.file, context)
        return module.parse(data, snap.year, snap.file)
    except ParseError as exc:
        if exc.source != snap.source_id:  # one parser can serve several registry sources
            raise ParseError(snap.source_id, exc.year, exc.file, exc.reason) from None
        raise


def validate_publication(parsed: ParsedPublication):
    from .validate import validate

    report = validate(parsed.observations, parsed.table)
    if not report.success:
        raise ValidationFailed(parsed.source_id, parsed.year, parsed.file, report.failures)
    return report


@dataclass
class Steps:
    """The three steps of a build; the Prefect flow swaps in task-wrapped versions."""

    parse: Callable = parse_snapshot
    validate: Callable = validate_publication


def pending_snapshots(
    con, store: SnapshotStore, sources: dict[str, Source], source_id: str | None = None, retry_rejected: bool = False
) -> list[Snapshot]:
    """Snapshots not yet loaded (registered in the warehouse on the way), oldest first."""
    outcomes = warehouse.snapshot_outcomes(con)
    context = ParseContext(store)
    pending = []
    for snap in store.list(source_id):
        if snap.source_id not in sources:
            continue
        warehouse.register_snapshot(con, snap)
        parser = parser_for(snap, sources[snap.source_id])
        if parser == REFERENCE or snap.withdrawn:
            continue
        status, fp = outcomes.get((snap.source_id, snap.year, snap.sha256), (None, None))
        if status == "loaded":
            continue
        if status == "rejected" and fp == outcome_fingerprint(parser, context) and not retry_rejected:
            continue  # same code would refuse it again
        pending.append(snap)
    return pending


def build_publication(
    con, snap: Snapshot, source: Source, steps: Steps | None = None, context: ParseContext | None = None
) -> PublicationResult:
    """Parse, validate and load one snapshot; all of it or nothing, with a loads row either way."""
    steps = steps or Steps()
    parser = parser_for(snap, source)
    load_id = warehouse.start_load(con, snap, outcome_fingerprint(parser, context))
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    try:
        parsed = steps.parse(snap, parser, context)
        timings["parse_seconds"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        report = steps.validate(parsed)
        timings["validate_seconds"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        fields: dict[str, Any] = dict(
            rows_parsed=len(parsed.observations),
            validation_success=True,
            validation_summary=report.summary(),
            notes=parsed.notes,
            load_seconds=None,
            **timings,
        )
        if parsed.table == "observations":
            counts = warehouse.load_observations(con, load_id, snap, parsed.observations, candidates=parsed.candidates, **fields)
        else:
            counts = warehouse.load_rows(con, load_id, snap, parsed.observations, table=parsed.table, **fields)
        con.execute("UPDATE loads SET load_seconds = ? WHERE load_id = ?", [time.perf_counter() - t2, load_id])
        return PublicationResult(
            snap.source_id,
            snap.year,
            snap.file,
            "loaded",
            f"{counts['rows_new']} new, {counts['rows_revised']} revised, {counts['rows_unchanged']} unchanged values"
            + (f", {counts['rows_retracted']} retracted" if counts.get("rows_retracted") else ""),
            load_id,
            **counts,
        )
    except (ParseError, ValidationFailed, SnapshotError) as exc:
        summary = None
        if isinstance(exc, ValidationFailed):
            summary = {"success": False, "failures": exc.failures}
        warehouse.finish_load(
            con,
            load_id,
            "rejected",
            error=str(exc),
            validation_success=False if isinstance(exc, ValidationFailed) else None,
            validation_summary=summary,
            **timings,
        )
        return PublicationResult(snap.source_id, snap.year, snap.file, "rejected", str(exc), load_id)
    except Exception as exc:  # an unexpected error: recorded, and the next snapshot still runs
        warehouse.finish_load(con, load_id, "failed", error=f"{exc.__class__.__name__}: {exc}", **timings)
        return PublicationResult(
            snap.source_id,
            snap.year,
            snap.file,
            "failed",
            f"{snap.source_id} {snap.year} ({snap.file}): {exc.__class__.__name__}: {exc}",
            load_id,
        )


def build(
    settings: Settings, source_id: str | None = None, retry_rejected: bool = False, steps: Steps | None = None
) -> list[PublicationResult]:
    """Parse, validate and load every snapshot not yet loaded (and nothing else)."""
    sources = load_registry(settings.sources)
    if source_id is not None and source_id not in sources:
        raise KrError(f"unknown source {source_id!r}; the registry has {sorted(sources)}")
    store = SnapshotStore(settings.snapshots)
    refused = store_curated_files(settings, store, sources, source_id)
    catalog = load_catalog()
    context = ParseContext(store)
    with warehouse.open_for_write(settings.warehouse, settings.lock_wait) as con:
        warehouse.abandon_interrupted(con)
        warehouse.sync_sources(con, sources)
        sync_catalog(con, catalog)
        warehouse.sync_withdrawals(con, store.list())
        return refused + [
            build_publication(con, snap, sources[snap.source_id], steps, context)
            for snap in pending_snapshots(con, store, sources, source_id, retry_rejected)
        ]


def store_curated_files(
    settings: Settings, store: SnapshotStore, sources: dict[str, Source], source_id: str | None = None
) -> list[PublicationResult]:
    """Put every curated file into the snapshot store (a no-op when unchanged), so an edited
    file becomes a new snapshot and its changed figures new vintages."""
    refused = []
    files_of: dict[str, str] = {}
    for path in curated.curated_files(settings.curated):
        data = path.read_bytes()
        try:
            head = curated.file_header(data, path.name)
            sid, edition = head["source_id"], int(head["edition"])
            if sid not in sources:
                raise ParseError(sid, edition, path.name, f"source {sid!r} is not in the source registry")
            if sid in files_of:  # two files would each retract the other's figures
                raise ParseError(
                    sid,
                    edition,
                    path.name,
                    f"{files_of[sid]} already holds the curated figures of {sid!r}: "
                    "one curated file per source; move these figures into it",
                )
            files_of[sid] = path.name
        except (ParseError, ValueError, TypeError) as exc:
            sid = getattr(exc, "source", None)
            refused.append(PublicationResult(sid if sid in sources else "curated", 0, path.name, "rejected", str(exc)))
            continue
        if source_id is None or sid == source_id:
            store.add(
                sid,
                edition,
                data,
                title=head.get("title") or f"Curated figures: {sid}",
                publisher=head.get("publisher") or sources[sid].publisher,
                content_type="application/yaml",
                origin="curated",
                original_name=path.name,
                note=f"analysts' curated file warehouse/curated/{path.name}",
            )
    return refused


# ---------------------------------------------------------------- update


@dataclass
class SourceReport:
    source_id: str
    fetched: list[FetchOutcome] = field(default_factory=list)
    built: list[PublicationResult] = field(default_factory=list)
    error: str | None = None
    note: str | None = None  # why nothing was attempted (a reference document, no new file)
    withdrawn: list = field(default_factory=list)  # inventory.Withdrawal: snapshots withdrawn in this run

    @property
    def unreachable(self) -> bool:
        return any(o.status == "unreachable" for o in self.fetched)

    @property
    def failed(self) -> bool:
        """Something went wrong other than the publisher being unreachable (which the run
        judges: a failure, unless every publisher was and the run allows offline)."""
        return bool(self.error) or any(o.status == "error" for o in self.fetched) or any(r.status != "loaded" for r in self.built)


def summarise(report: SourceReport) -> str:
    """One line per source for the CLI and the flow's log."""
    parts = []
    counts: dict[str, int] = {}
    for o in report.fetched:
        counts[o.status] = counts.get(o.status, 0) + 1
    if report.unreachable:
        parts.append("publisher could not be reached")
    for status in ("new", "unchanged", "not_yet_published", "error", "skipped"):
        if counts.get(status):
            parts.append(f"{counts[status]} {status.replace('_', ' ')}")
    loaded = [r for r in report.built if r.status == "loaded"]
    refused = [r for r in report.built if r.status != "loaded"]
    if loaded:
        parts.append(
            "loaded " + ", ".join(f"curated file (edition {r.year})" if r.file.endswith(".yaml") else str(r.year) for r in loaded)
        )
    for r in refused:
        parts.append(f"REFUSED {r.message}")
    for w in report.withdrawn:
        parts.append(f"withdrew {w.snapshot.year} ({w.snapshot.sha256[:12]}): {w.values_left} values left observations")
    if report.error:
        parts.append(f"ERROR {report.error}")
    if report.note:
        parts.append(report.note)
    elif not loaded and not refused and not report.error and not report.withdrawn:
        parts.append("nothing new to load")
    return f"{report.source_id}: " + "; ".join(parts)


def reports_by_source(results: list[PublicationResult]) -> list[SourceReport]:
    """A build's results as one report per source (for the change report of `kr build`)."""
    reports: dict[str, SourceReport] = {}
    for result in results:
        reports.setdefault(result.source_id, SourceReport(result.source_id)).built.append(result)
    return list(reports.values())


def update(
    settings: Settings,
    source_id: str | None = None,
    fetcher: Fetcher | None = None,
    recheck: bool = False,
    fetch_one: Callable = fetch_year,
    steps: Steps | None = None,
    years: list[int] | None = None,
    only_if_new: bool = False,
) -> list[SourceReport]:
    """Look for new publications of every source (or one), then build once. One source
    failing (unreachable, refused, crashed) never stops the others.

    years: fetch these years (backfill) instead of the registry's candidates.
    recheck: also ask again for years already stored (conditional GET: cheap when unchanged).
    only_if_new: build only when a new file arrived (the frequent check schedules).
    """
    sources = load_registry(settings.sources)
    if source_id is not None and source_id not in sources:
        raise KrError(f"unknown source {source_id!r}; the registry has {sorted(sources)}")
    store = SnapshotStore(settings.snapshots)
    fetcher = fetcher or Fetcher(allow_private=settings.allow_private_urls)
    reports: dict[str, SourceReport] = {}
    for sid in [source_id] if source_id else list(sources):
        report = reports[sid] = SourceReport(sid)
        fetchable = sources[sid].parser != REFERENCE and bool(sources[sid].urls or sources[sid].url_template)
        try:
            wanted = years
            if wanted is not None and not recheck:
                have = {s.year for s in store.list(sid)}
                wanted = [y for y in wanted if y not in have]
            if fetchable:
                report.fetched = fetch_source(store, sources[sid], fetcher, years=wanted, recheck=recheck, fetch_one=fetch_one)
        except Exception as exc:
            report.error = f"fetch: {exc.__class__.__name__}: {exc}"
        if sources[sid].parser == REFERENCE:
            report.note = "reference documents only (kept to check quotes against)"
        elif only_if_new and fetchable and not any(o.status == "new" for o in report.fetched):
            report.note = "no new or changed publication: nothing built"
    if only_if_new and all(r.note for r in reports.values()):
        return list(reports.values())
    try:  # once, for every source: a broken curated file is reported once, under its source
        results = build(settings, source_id, steps=steps)
    except KrError as exc:
        for r in reports.values():
            if sources[r.source_id].parser != REFERENCE:
                r.error = f"build: {exc}"
        return list(reports.values())
    for result in results:
        if result.source_id not in reports:
            reports[result.source_id] = SourceReport(result.source_id)
        reports[result.source_id].built.append(result)
    return list(reports.values())


def parse_years(text: str) -> list[int]:
    """ "2019-2024" or "2019,2021" -> a list of years."""
    years: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (int(x) for x in part.split("-", 1))
            if last < first or last - first > 100:
                raise KrError(f"not a range of years: {part!r}")
            years += range(first, last + 1)
        elif part:
            years.append(int(part))
    if not years:
        raise KrError(f"no years in {text!r}")
    return sorted(set(years))
