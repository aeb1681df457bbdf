"""Build: parse, validate and load every snapshot not yet loaded; all of a publication or
nothing, with a `loads` row either way."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from .. import limits, publishers, vocabulary
from ..catalog import BREAKDOWNS, PERCENT_UNITS, UNITS, Indicator, disagreements, load_catalog, sync_catalog
from ..config import EXPECTATIONS_DIR, PROJECT_ROOT, Settings
from ..errors import ParseError, SnapshotError, ValidationFailed
from ..figures import FIGURES, sync_figures
from ..ingest import isolation, snapshots
from ..ingest.snapshots import Snapshot, SnapshotStore, publication_label
from ..kept import Kept
from ..observations import ParsedPublication
from ..publishers import REFERENCE
from ..reading import curated
from ..reading.context import ParseContext
from ..registry import Source, known_source, load_registry
from ..store import connection, warehouse

# A parser is a module of a publisher's folder (kr_pipeline.publishers.<organisation>.<module>,
# named "<organisation>.<module>") or the shared curated reader: parse(data, year, file, context).
# Modules are imported when
# first needed, so that a build with nothing new does not pay for pandas, pypdf or BeautifulSoup.
_PACKAGE = Path(__file__).parents[1]
# What every parse result depends on besides its own package: a change here makes refused
# snapshots worth retrying.
_SHARED_CODE = [
    _PACKAGE / "reading",
    _PACKAGE / "observations.py",
    _PACKAGE / "data",
    _PACKAGE / "ingest" / "isolation.py",
    _PACKAGE / "limits.py",
]


def parser_module(parser: str):
    return publishers.parser_module(parser)


def _code_files(*paths: Path) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.suffix in (".py", ".yaml", ".json"))


@functools.cache
def fingerprint(parser: str) -> str:
    h = hashlib.sha256()
    for path in _code_files(*publishers.code_files(parser), *_SHARED_CODE, *publishers.indicator_files()):
        h.update(path.read_bytes())
    for suite in sorted(EXPECTATIONS_DIR.glob("*.json")):
        h.update(suite.read_bytes())
    return h.hexdigest()[:16]


def outcome_fingerprint(parser: str, context: ParseContext | None) -> str:
    """What a parse outcome depends on: the code, and for parsers that read other stored
    documents (curated quotes), which documents the store holds, so that a figure refused
    because its cited document was missing is tried again once the document arrives."""
    reads_others = getattr(parser_module(parser), "READS_OTHER_DOCUMENTS", False)
    if not reads_others or context is None or context.store is None:
        return fingerprint(parser)
    h = hashlib.sha256(fingerprint(parser).encode())
    for snap in context.store.list():
        h.update(f"{snap.source_id}/{snap.year}/{snap.sha256}/{snap.url}\n".encode())
    return h.hexdigest()[:16]


def parser_for(snap: Snapshot, source: Source) -> str:
    """Curated files are read by the curated parser whatever their source's own parser is."""
    return "curated" if snap.curated else source.parser


# A parser's own count of its candidates at the end of its refusal ("; 7 candidates for review"):
# replaced by the build's count of those that wait in the queue.
_WAITING = re.compile(r"; \d+ candidates? (?:for review|waits? in `kr review`)$")

# What a build reports per publication: loaded, rejected (refused as read) or failed (crashed).
LoadStatus = Literal["loaded", "rejected", "failed"]
assert set(LoadStatus.__args__) <= set(vocabulary.LoadStatus)  # type: ignore[attr-defined]


@dataclass
class PublicationResult:
    source_id: str
    year: int
    file: str
    status: LoadStatus
    message: str
    load_id: str | None = None
    rows_new: int = 0
    rows_revised: int = 0
    rows_unchanged: int = 0
    rows_retracted: int = 0
    curated: bool = False  # an analysts' curated file: its year is an edition
    candidates: int = 0  # of its numbers, how many wait in `kr review` (undecided)

    @property
    def publication(self) -> str:
        return publication_label(self.year, self.curated)


def _parse_bytes(parser: str, data: bytes, year: int, file: str, context: ParseContext | None) -> ParsedPublication:
    return parser_module(parser).parse(data, year, file, context)


_CURATED_NOTE = re.compile(r"^analysts' curated file (.+)$")


def edited_file(snap: Snapshot) -> str:
    """The file a person edits: a curated file by its own path (src/kr_pipeline/publishers/comensha/curated/comensha.yaml,
    from its snapshot's note), not the stored copy's hash name; any other snapshot by its file."""
    found = _CURATED_NOTE.match(snap.note or "") if snap.curated else None
    return found.group(1) if found else snap.file


# Publications parsed in this process: the same bytes, parser code (and for parsers that read
# other stored documents, those documents), context and limits give the same publication, so
# the child is not asked again (a Prefect worker or the test suite builds the same files many
# times). Only successes are kept (a refusal is recorded in the warehouse), each handed out as
# a copy.
_PARSED: Kept[ParsedPublication] = Kept(128)


def _parsed_key(snap: Snapshot, parser: str, file: str, context: ParseContext | None, seconds: float, memory_mb: int) -> tuple:
    bound = dataclasses.replace(context, store=None) if context is not None else None
    return (parser, outcome_fingerprint(parser, context), snap.sha256, snap.year, file, repr(bound), seconds, memory_mb)


def parse_snapshot(snap: Snapshot, parser: str, context: ParseContext | None = None) -> ParsedPublication:
    """Parse a stored file after checking its checksum, in a child process under a time and
    a memory limit (kr_pipeline.ingest.isolation). Never touches the network. Whatever goes wrong in
    the parser is a ParseError: the same file and code would fail the same way, so it is
    refused (`rejected`) and not tried again until the file or the code changes."""
    data = snap.read_verified()
    file = edited_file(snap)
    seconds, memory_mb = limits.parse_seconds(), limits.parse_memory_mb()
    key = _parsed_key(snap, parser, file, context, seconds, memory_mb)
    known = _PARSED.get(key)
    if known is not None:
        return known
    try:
        reply = isolation.run(_parse_bytes, parser, data, snap.year, file, context, seconds=seconds, memory_mb=memory_mb)
    except isolation.LimitExceeded as exc:
        raise ParseError(snap.source_id, snap.year, file, str(exc)) from None
    if reply[0] == "ok":
        _PARSED.put(key, reply[1])
        return reply[1]
    failure: isolation.Failure = reply[1]
    if failure.parse_error:  # one parser can serve several registry sources: named as this one
        raise ParseError(snap.source_id, snap.year, file, failure.reason or failure.message, failure.candidates, failure.voice)
    raise ParseError(
        snap.source_id,
        snap.year,
        file,
        f"the parser failed unexpectedly ({failure.kind}: {failure.message}); "
        "a layout it does not know or a bug: fix the parser, then `kr build --retry-rejected`",
    )


def validate_publications(parsed: list[ParsedPublication]) -> list:
    """Every publication of a build against its suite, one Great Expectations batch per suite
    (validate.validate_many): a report per publication, in order; a publication's verdict is
    the one it gets alone."""
    from ..store.validate import validate_many

    reports: dict[int, Any] = {}
    for table in dict.fromkeys(p.table for p in parsed):
        members = {str(i): p.observations for i, p in enumerate(parsed) if p.table == table}
        reports.update({int(k): r for k, r in validate_many(members, table).items()})
    return [reports[i] for i in range(len(parsed))]


def prepare_validation() -> None:
    """Great Expectations imported (and its context made) in a thread while the build parses:
    validate.prepare_in_background."""
    from ..store.validate import prepare_in_background

    prepare_in_background()


@dataclass
class Steps:
    """The steps of a build; the Prefect flow swaps in task-wrapped versions. `parse` takes one
    snapshot; `validate` every parsed publication of the build at once; `prepare`, when the
    build has work, starts what `validate` needs in the background (None: nothing)."""

    parse: Callable = parse_snapshot
    validate: Callable = validate_publications
    prepare: Callable[[], None] | None = prepare_validation


# What parsing imports when first needed (lazily, so that a build with nothing new does not
# pay for them): the parse child imports them ahead, beside the parsers a build will run.
_PARSE_IMPORTS = ("pandas", "pypdf", "bs4")


def warm_up(snaps: list[Snapshot], sources: dict[str, Source], steps: Steps) -> None:
    """A build that will parse `snaps` starts its fixed costs now, side by side: the parse
    child (started and importing the parsers these snapshots need, in its own process) and
    `steps.prepare` (Great Expectations' import, in a thread). Nothing when none is parsed."""
    parsers = {
        parser_for(snap, sources[snap.source_id]) for snap in snaps if snap.source_id in sources and not snap.withdrawn
    } - {REFERENCE}
    if not parsers:
        return
    modules = [*_PARSE_IMPORTS, *(publishers.module_name(p) for p in sorted(parsers))]
    isolation.prestart(modules, memory_mb=limits.parse_memory_mb())
    if steps.prepare is not None:
        steps.prepare()


def pending_snapshots(
    con,
    store: SnapshotStore,
    sources: dict[str, Source],
    source_id: str | None = None,
    retry_rejected: bool = False,
) -> list[Snapshot]:
    """Snapshots not yet loaded (registered in the warehouse on the way), oldest first, after
    checking the store (SnapshotStore.scan: sidecars validated, sizes compared).

    What is wrong in the store is refused by name, never trusted and never the end of the
    build: a snapshot whose file is missing or of another size than its sidecar says (loaded
    or not) is handed on, and its read refuses it, "damaged", so its values leave
    `observations` as a fresh build of this store would have them; a sidecar that cannot be
    read or a file without a sidecar is handed on as a stand-in (snapshots.Unreadable) that is
    refused the same way. A refusal for damage is no verdict on the publication: once the
    bytes are right again, a snapshot never loaded is loaded, and one loaded before gets its
    load back (a loads row that says so; its statements were never removed) without loading
    them twice. A loaded snapshot is read again (checksum) only when it is loaded."""
    outcomes = warehouse.snapshot_outcomes(con)
    damaged_before = {
        (s, y, h)
        for s, y, h in con.execute(
            "SELECT source_id, year, snapshot_sha256 FROM snapshot_loads WHERE status = 'rejected' "
            "AND (contains(error, ?) OR contains(error, ?))",
            [snapshots.DAMAGED, snapshots.DAMAGED_BEFORE],
        ).fetchall()
    }
    context = ParseContext(store)
    pending: list[Snapshot] = []
    listing, problems = store.scan(source_id)
    known = [snap for snap in listing if snap.source_id in sources]
    warehouse.register_snapshots(con, known)
    wrong_size = {(p.snapshot.source_id, p.snapshot.year, p.snapshot.sha256) for p in problems if p.snapshot is not None}
    for snap in known:
        parser = parser_for(snap, sources[snap.source_id])
        if parser == REFERENCE or snap.withdrawn:
            continue
        key = (snap.source_id, snap.year, snap.sha256)
        status, fp = outcomes.get(key, (None, None))
        if key in wrong_size:
            pending.append(snap)  # its read refuses it, naming the damage
            continue
        if status == "loaded":
            continue
        if key in damaged_before:  # the bytes were refused, not the publication: again, now
            if not _load_restored(con, snap):
                pending.append(snap)
            continue
        if status == "rejected" and fp == outcome_fingerprint(parser, context) and not retry_rejected:
            continue  # same code would refuse it again
        pending.append(snap)
    for problem in problems:  # what the store holds that is no readable snapshot
        source = sources.get(problem.source_id)
        if problem.snapshot is None and source is not None and source.parser != REFERENCE:
            pending.append(problem.stand_in())
    return pending


def _newest_curated(snaps: list[Snapshot]) -> dict[tuple[str, int], str]:
    """(source, edition) -> sha256 of the newest version of each curated file in the store (by
    arrival; snapshots without one arrived first, by retrieval time: as views.sql orders them)."""
    newest: dict[tuple[str, int], tuple] = {}
    for snap in snaps:
        if snap.curated and not snap.withdrawn:
            order = (snap.arrival is not None, snap.arrival or 0, snap.retrieved_at, snap.sha256)
            key = (snap.source_id, snap.year)
            if key not in newest or order > newest[key][0]:
                newest[key] = (order, snap.sha256)
    return {k: sha for k, (_, sha) in newest.items()}


def _load_restored(con, snap: Snapshot) -> bool:
    """A snapshot loaded before, then refused as damaged, whose bytes are right again: its load
    stands again (a new loads row, copied from that load, says so; its statements were never
    removed, so nothing is loaded twice). False when it was never loaded or is still damaged."""
    row = con.execute(
        "SELECT load_id FROM loads WHERE source_id = ? AND year = ? AND snapshot_sha256 = ? AND status = 'loaded' "
        "ORDER BY started_at DESC, load_id LIMIT 1",
        [snap.source_id, snap.year, snap.sha256],
    ).fetchone()
    if row is None:
        return False
    try:
        snap.read_verified()
    except SnapshotError:
        return False
    at = warehouse.now()
    note = json.dumps([f"the stored file is right again (checksum verified); the values of load {row[0]} stand again"])
    con.execute(
        "INSERT INTO loads SELECT * REPLACE (? AS load_id, ? AS started_at, ? AS finished_at, 0 AS parse_seconds, "
        "0 AS validate_seconds, 0 AS load_seconds, 0 AS rows_new, 0 AS rows_revised, 0 AS rows_unchanged, "
        "0 AS rows_retracted, NULL AS error, CAST(? AS JSON) AS notes) FROM loads WHERE load_id = ?",
        [uuid.uuid4().hex, at, at, note, row[0]],
    )
    return True


@dataclass
class _Pending:
    """A publication between its parse and its load."""

    snap: Snapshot
    load_id: str
    parsed: ParsedPublication
    timings: dict[str, float]


def _refused(
    con,
    snap: Snapshot,
    load_id: str,
    exc: Exception,
    timings: dict,
    summary: dict | None = None,
    candidates: list[dict] | None = None,
) -> PublicationResult:
    """The loads row of a publication that was not loaded, and its result: rejected when it was
    refused as read (parse, checksum, validation), failed when something broke. The review
    candidates found before a refusal (the ParseError's, or the parsed publication's when the
    catalog or validation refused it) are stored with the rejected load: they wait in
    `kr review` all the same, and the result says how many."""
    if isinstance(exc, (ParseError, ValidationFailed, SnapshotError)):
        candidates = candidates if candidates is not None else getattr(exc, "candidates", None) or []
        with connection.transaction(con):
            warehouse.finish_load(
                con,
                load_id,
                "rejected",
                error=str(exc),
                validation_success=False if isinstance(exc, ValidationFailed) else None,
                validation_summary=summary,
                voice=getattr(exc, "voice", None),
                **timings,
            )
            if candidates:
                warehouse._store_candidates(con, load_id, snap, candidates)
        waiting = warehouse.waiting_for_review(con, snap) if candidates else 0
        message = _WAITING.sub("", str(exc))  # the parser's own count, if it gave one: the build says what was stored
        if waiting:
            message += f"; {waiting} candidate{' waits' if waiting == 1 else 's wait'} in `kr review`"
        return PublicationResult(
            snap.source_id, snap.year, snap.file, "rejected", message, load_id, curated=snap.curated, candidates=waiting
        )
    warehouse.finish_load(con, load_id, "failed", error=f"{exc.__class__.__name__}: {exc}", **timings)
    return PublicationResult(
        snap.source_id,
        snap.year,
        snap.file,
        "failed",
        f"{snap.source_id} {snap.year} ({snap.file}): {exc.__class__.__name__}: {exc}",
        load_id,
        curated=snap.curated,
    )


def about(context: ParseContext | None, snap: Snapshot, source: Source) -> ParseContext:
    """The build's context with this snapshot's provenance (its address, a declared voice) and
    its publisher's own hosts: what a prose parser weighs to tell whose voice it reads. Bound to
    the publication (its channel, year and file): a parser is handed a ready context."""
    ready = dataclasses.replace(context or ParseContext(), url=snap.url, voice=snap.voice, own_hosts=source.own_hosts)
    return ready.bind(snap.source_id, snap.year, edited_file(snap))


def _parse(
    con,
    snap: Snapshot,
    load_id: str,
    source: Source,
    steps: Steps,
    context: ParseContext | None,
    catalog: dict[str, Indicator],
) -> _Pending | PublicationResult:
    parser = parser_for(snap, source)
    t0 = time.perf_counter()
    try:
        parsed = steps.parse(snap, parser, about(context, snap, source))
        wrong = disagreements(catalog, parsed.observations, snap.curated) if parsed.table == "observations" else []
        if wrong:  # a measure the catalog knows, as it defines it, or nothing
            raise ParseError(
                snap.source_id,
                snap.year,
                edited_file(snap),
                "; ".join(wrong[:5]) + (f" (and {len(wrong) - 5} more)" if len(wrong) > 5 else ""),
                parsed.candidates,
            )
    except Exception as exc:  # an unexpected error is recorded, and the next snapshot still runs
        return _refused(con, snap, load_id, exc, {"parse_seconds": time.perf_counter() - t0})
    return _Pending(snap, load_id, parsed, {"parse_seconds": time.perf_counter() - t0})


def _incoming(p: _Pending, report) -> warehouse.Incoming:
    """A validated publication as the warehouse loads it, with its loads row's fields."""
    fields = dict(
        rows_parsed=len(p.parsed.observations),
        validation_success=True,
        validation_summary=report.summary(),
        notes=p.parsed.notes,
        voice=p.parsed.voice,
        **p.timings,
    )
    return warehouse.Incoming(p.load_id, p.snap, p.parsed.observations, p.parsed.candidates, fields)


def _load(con, p: _Pending, report) -> PublicationResult:
    """Load one validated publication: all of it or nothing, in one transaction."""
    snap, parsed = p.snap, p.parsed
    if not report.success:
        exc = ValidationFailed(parsed.source_id, parsed.year, parsed.file, report.failures)
        summary = report.summary()  # its suite and counts too: the report and the site show them
        return _refused(con, snap, p.load_id, exc, p.timings, summary, candidates=parsed.candidates)
    t2 = time.perf_counter()
    incoming = _incoming(p, report)
    try:
        if parsed.table == "observations":
            counts = warehouse.load_observations_many(con, [incoming])[p.load_id]
        else:
            counts = warehouse.load_rows(con, p.load_id, snap, parsed.observations, table=parsed.table, **incoming.fields)
    except Exception as exc:
        return _refused(con, snap, p.load_id, exc, p.timings)
    con.execute("UPDATE loads SET load_seconds = ? WHERE load_id = ?", [time.perf_counter() - t2, p.load_id])
    return _loaded(snap, p.load_id, counts)


def build_publications(
    con,
    snaps: list[Snapshot],
    sources: dict[str, Source],
    catalog: dict[str, Indicator],
    steps: Steps | None = None,
    context: ParseContext | None = None,
) -> list[PublicationResult]:
    """Parse every snapshot, check its rows against the catalog, validate all parsed
    publications at once, then load each that passed; a loads row for every one, whatever
    happened. The loads rows are written 'started' all at once before the first parse (one
    statement): a build interrupted anywhere leaves its publications 'started', and the next
    build marks them abandoned and takes them on again."""
    steps = steps or Steps()
    results: list[PublicationResult | None] = []
    pending: list[tuple[int, _Pending]] = []
    fingerprints: dict[str, str] = {}  # per parser: the store does not change during a build
    for snap in snaps:
        parser = parser_for(snap, sources[snap.source_id])
        if parser not in fingerprints:
            fingerprints[parser] = outcome_fingerprint(parser, context)
    load_ids = warehouse.start_loads(con, [(snap, fingerprints[parser_for(snap, sources[snap.source_id])]) for snap in snaps])
    for snap, load_id in zip(snaps, load_ids):
        outcome = _parse(con, snap, load_id, sources[snap.source_id], steps, context, catalog)
        if isinstance(outcome, _Pending):
            pending.append((len(results), outcome))
            results.append(None)
        else:
            results.append(outcome)
    if pending:
        t1 = time.perf_counter()
        try:
            reports = steps.validate([p.parsed for _, p in pending])
        except Exception as exc:  # the validator itself broke: nothing of this build is loaded
            for i, p in pending:
                results[i] = _refused(con, p.snap, p.load_id, exc, p.timings)
            return [r for r in results if r is not None]
        share = (time.perf_counter() - t1) / len(pending)  # one batch: each publication's part of it
        together = []
        for (i, p), report in zip(pending, reports):
            p.timings["validate_seconds"] = share
            if report.success and p.parsed.table == "observations":
                together.append((i, p, report))
            else:
                results[i] = _load(con, p, report)
        for i, result in _load_together(con, together):
            results[i] = result
    return [r for r in results if r is not None]


def _load_together(con, passed: list[tuple[int, _Pending, Any]]) -> list[tuple[int, PublicationResult]]:
    """Every validated publication in one set-based transaction (warehouse.load_observations_many);
    if that fails, one by one, so that only a publication that cannot be loaded fails."""
    if len(passed) < 2:
        return [(i, _load(con, p, report)) for i, p, report in passed]
    t0 = time.perf_counter()
    items = [_incoming(p, report) for _, p, report in passed]
    try:
        counts = warehouse.load_observations_many(con, items)
    except Exception:
        return [(i, _load(con, p, report)) for i, p, report in passed]
    share = (time.perf_counter() - t0) / len(passed)
    con.execute(
        "UPDATE loads SET load_seconds = ? WHERE load_id IN (SELECT unnest(?))", [share, [p.load_id for _, p, _ in passed]]
    )
    return [(i, _loaded(p.snap, p.load_id, counts[p.load_id])) for i, p, _ in passed]


def _loaded(snap: Snapshot, load_id: str, counts: dict) -> PublicationResult:
    return PublicationResult(
        snap.source_id,
        snap.year,
        snap.file,
        "loaded",
        f"{counts['rows_new']} new, {counts['rows_revised']} revised, {counts['rows_unchanged']} unchanged values"
        + (f", {counts['rows_retracted']} retracted" if counts.get("rows_retracted") else ""),
        load_id,
        curated=snap.curated,
        **counts,
    )


def build(
    settings: Settings, source_id: str | None = None, retry_rejected: bool = False, steps: Steps | None = None
) -> list[PublicationResult]:
    """Parse, validate and load every snapshot not yet loaded (and nothing else)."""
    sources = load_registry(settings.sources)
    if source_id is not None:
        known_source(sources, source_id)
    store = SnapshotStore(settings.snapshots)
    store.remove_leftovers()  # of a `kr snapshot add` that was killed
    current: dict[tuple[str, int], tuple[str, str]] = {}  # the curated files as they are now
    refused = store_curated_files(settings, store, sources, source_id, current)
    catalog = load_catalog()
    context = ParseContext(store)
    steps = steps or Steps()
    listing = store.list()
    if not settings.warehouse.exists():  # a first build: everything stored is new
        warm_up(listing if source_id is None else [s for s in listing if s.source_id == source_id], sources, steps)
    with connection.open_for_write(settings.warehouse, settings.lock_wait) as con:
        warehouse.abandon_interrupted(con)
        # Tables copied from files (registry, catalog, figures, the store's withdrawals):
        # rewritten only when the file changed.
        sync = warehouse.sync_if_changed
        sync(con, "sources", [dataclasses.asdict(x) for x in sources.values()], lambda: warehouse.sync_sources(con, sources))
        sync(
            con,
            "catalog",
            [[dataclasses.asdict(i) for i in catalog.values()], repr(FIGURES), UNITS, sorted(PERCENT_UNITS), BREAKDOWNS],
            lambda: sync_catalog(con, catalog),
        )
        sync(con, "figures", [repr(FIGURES), sorted(catalog)], lambda: sync_figures(con, catalog))
        withdrawn = [(s.source_id, s.year, s.sha256, s.withdrawn_at, s.withdrawn_reason) for s in listing if s.withdrawn]
        sync(con, "withdrawals", withdrawn, lambda: warehouse.sync_withdrawals(con, listing))
        sync(con, "curated_files", sorted(current.items()), lambda: warehouse.sync_curated_files(con, current))
        pending = pending_snapshots(con, store, sources, source_id, retry_rejected)
        warm_up(pending, sources, steps)  # a no-op for what a first build started already
        results = build_publications(con, pending, sources, catalog, steps, context)
    # A draft of a curated file that the file no longer is (a typo since fixed) may be read again
    # when the store changes (its quotes are checked against the store); refused again, that is
    # no news: its load row records it (snapshot_status.superseded), the build does not repeat it.
    now_is = {**_newest_curated(listing), **{k: sha for k, (sha, _) in current.items()}}
    drafts = {(p.source_id, p.year, p.file) for p in pending if p.curated and now_is.get((p.source_id, p.year)) != p.sha256}
    return refused + [r for r in results if r.status == "loaded" or (r.source_id, r.year, r.file) not in drafts]


def _shown_path(path: Path) -> str:
    """A curated file as its editor knows it: relative to the project (src/kr_pipeline/publishers/comensha/curated/comensha.yaml),
    else its full path."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def store_curated_files(
    settings: Settings,
    store: SnapshotStore,
    sources: dict[str, Source],
    source_id: str | None = None,
    current: dict[tuple[str, int], tuple[str, str]] | None = None,
) -> list[PublicationResult]:
    """Put every curated file into the snapshot store (a no-op when unchanged), so an edited
    file becomes a new snapshot and its changed figures new vintages.

    A file is named after the source it holds (`<source_id>.yaml`); one that is not is refused.
    When two files claim one source, neither is stored: either as the source's newest version
    would retract what the other holds, so the source keeps its current version until one
    file remains, and each refusal names both."""
    refused: list[PublicationResult] = []
    claims: dict[str, list[tuple[Path, bytes, dict]]] = {}
    for path in curated.curated_files(settings.curated):
        data = path.read_bytes()
        try:
            head = curated.file_header(data, path.name)
            sid, edition = head["source_id"], int(head["edition"])
            if sid not in sources:
                raise ParseError(sid, edition, path.name, f"source {sid!r} is not in the source registry")
        except (ParseError, ValueError, TypeError) as exc:
            sid = getattr(exc, "source", None)
            refused.append(PublicationResult(sid if sid in sources else "curated", 0, path.name, "rejected", str(exc)))
            continue
        claims.setdefault(sid, []).append((path, data, head))
    for sid, files in sorted(claims.items()):
        names = [path.name for path, _, _ in files]
        two = len(names) == 2
        both = (
            f"{', '.join(names[:-1])} and {names[-1]} {'both' if two else 'all'} claim source {sid!r}: "
            f"{'neither' if two else 'none of them'} is loaded (the store keeps {sid}'s current version); "
            f"one curated file per source, named {sid}.yaml: move the figures into it"
        )
        for path, data, head in files:
            why = []
            if path.stem != sid:
                why.append(
                    f"{path.name} says source_id {sid!r} but is named {path.stem!r}: name it {sid}.yaml or fix its source_id"
                )
            if len(files) > 1:
                why.append(both)
            if why:
                error = ParseError(sid, int(head["edition"]), path.name, "; ".join(why))
                refused.append(PublicationResult(sid, 0, path.name, "rejected", str(error)))
            else:
                if current is not None:  # (source, edition) -> (sha256, file): this file, as it is now
                    current[(sid, int(head["edition"]))] = (hashlib.sha256(data).hexdigest(), _shown_path(path))
                if source_id is not None and sid != source_id:
                    continue
                store.add(
                    sid,
                    int(head["edition"]),
                    data,
                    title=head.get("title") or f"Curated figures: {sid}",
                    publisher=head.get("publisher") or sources[sid].publisher,
                    content_type="application/yaml",
                    origin="curated",
                    original_name=path.name,
                    note=f"analysts' curated file {_shown_path(path)}",
                )
    return refused
