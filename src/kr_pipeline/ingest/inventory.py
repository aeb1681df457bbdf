"""What the snapshot store holds and what became of each file: `kr snapshot add`, `kr snapshot
list` and `kr snapshot withdraw` (the store is the truth; the warehouse says what each load did)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import KrError
from ..publishers import REFERENCE
from ..registry import known_source, load_registry
from ..store.connection import run_query
from ..vocabulary import SnapshotStatus
from .snapshots import DAMAGED as DAMAGED_MARK
from .snapshots import DAMAGED_BEFORE, Snapshot, SnapshotStore

LIST_COLUMNS = ["source", "publication", "sha256", "bytes", "origin", "status", "voice", "retrieved_at", "url"]


@dataclass
class Added:
    snapshot: Snapshot
    created: bool  # False: the same bytes were stored already (nothing changed)
    warnings: list[str] = field(default_factory=list)


def add_by_hand(
    settings: Settings,
    source_id: str,
    file: Path,
    year: int,
    url: str | None = None,
    title: str | None = None,
    note: str | None = None,
    voice: str | None = None,
) -> Added:
    """A publication FILE downloaded by hand into the store, with its provenance (the registry's
    address, title, publisher and licence unless given). Same bytes twice is a no-op. Warns
    when the same bytes are stored under another source or year, and when the clock disagrees
    with the store's order of arrival."""
    from ..reading.pdftext import is_pdf

    src = known_source(load_registry(settings.sources), source_id)
    data = Path(file).read_bytes()
    if src.format == "pdf" and not is_pdf(data):
        raise KrError(f"{file} is not a PDF, but {source_id} publishes PDFs")
    store = SnapshotStore(settings.snapshots)
    store.remove_leftovers()  # of an earlier add that was killed
    elsewhere = store.stored_elsewhere(source_id, year, data)
    snap, created = store.add(
        source_id,
        year,
        data,
        url=url or src.url_for(year),
        title=title or src.title_for(year),
        publisher=src.publisher,
        origin="manual",
        licence=src.licence,
        note=note,
        original_name=Path(file).name,
        voice=voice,
    )
    warnings = [
        f"the same bytes are already stored as {other.source_id} {other.year} ({other.sha256[:12]}): "
        f"is {source_id} {year} the right source and year? "
        f"If not: kr snapshot withdraw {snap.sha256[:12]} --source {source_id} --year {year} --reason ..."
        for other in elsewhere
    ]
    if created:  # versions go by arrival in the store; the clock is only told
        warnings += store.clock_notes(snap)
    return Added(snap, created, warnings)


def _warehouse_loads(settings: Settings) -> dict[tuple[str, int, str], tuple[str, str | None, str | None]]:
    """(source, year, sha256) -> (status, voice, error) of each snapshot's newest load."""
    if not settings.warehouse.exists():
        return {}
    _, rows = run_query(settings.warehouse, "SELECT source_id, year, sha256, status, voice, error FROM snapshot_status")
    return {(s, y, h): (st, v, e) for s, y, h, st, v, e in rows}


# Statuses of `kr snapshot list` that come from checking the store, not from a load.
DAMAGED = "damaged"  # the file is missing, or its size (with --verify: checksum) is not its sidecar's
NO_SIDECAR = "no sidecar"  # a file in the store without a sidecar: not a snapshot until restored
BAD_SIDECAR = "damaged sidecar"  # a sidecar that cannot be read or whose fields are not right


def status_of(snap: Snapshot, parser: str | None, loaded: dict, damaged: bool = False) -> str:
    """One of vocabulary.SnapshotStatus, or DAMAGED when its stored file is not right now. A
    snapshot refused as damaged whose file is right again is "not loaded": the next build
    takes it up by itself."""
    if snap.withdrawn:
        return SnapshotStatus.WITHDRAWN
    if parser == REFERENCE:
        return DAMAGED if damaged else SnapshotStatus.REFERENCE
    if damaged:
        return DAMAGED
    status, error = loaded.get((snap.source_id, snap.year, snap.sha256), (None, None))
    if status == SnapshotStatus.REJECTED and error and (DAMAGED_MARK in error or DAMAGED_BEFORE in error):
        return SnapshotStatus.NOT_LOADED
    return status or SnapshotStatus.NOT_LOADED


def store_problems(settings: Settings, source_id: str | None = None, verify: bool = False) -> list[str]:
    """What is wrong in the snapshot store, one line each naming the snapshot or file: sidecars
    that cannot be read or are not right, files without a sidecar, files missing or of another
    size than their sidecar says, and with verify those whose checksum is not (reads them all).
    For `kr status`, `kr snapshot list` and `kr build` alike."""
    return [p.message for p in SnapshotStore(settings.snapshots).scan(source_id, verify)[1]]


def snapshot_rows(settings: Settings, source_id: str | None = None, verify: bool = False) -> tuple[list[str], list[tuple]]:
    """Every snapshot with what became of it, after checking the store (sizes; with verify
    checksums too): a damaged file says `damaged`, and what the store holds that is no
    snapshot (a file without a sidecar, a damaged sidecar) has a row of its own."""
    sources = load_registry(settings.sources)
    loads = _warehouse_loads(settings)
    loaded = {k: (status, error) for k, (status, _, error) in loads.items()}
    snaps, problems = SnapshotStore(settings.snapshots).scan(source_id, verify)
    damaged = {(p.snapshot.source_id, p.snapshot.year, p.snapshot.sha256) for p in problems if p.snapshot is not None}
    rows = []
    for s in snaps:
        parser = sources[s.source_id].parser if s.source_id in sources else None
        rows.append(
            (
                s.source_id,
                s.publication,
                s.sha256[:12],
                s.size,
                s.origin,
                status_of(s, parser, loaded, (s.source_id, s.year, s.sha256) in damaged),
                s.voice or loads.get((s.source_id, s.year, s.sha256), (None, None, None))[1] or "",
                s.retrieved_at,
                s.url or "",
            )
        )
    for p in problems:
        if p.snapshot is None:
            status = NO_SIDECAR if p.kind == "no sidecar" else BAD_SIDECAR
            rows.append((p.source_id, str(p.year), p.name.split(".", 1)[0][:12], p.size or 0, "", status, "", "", ""))
    return LIST_COLUMNS, rows


@dataclass
class Withdrawal:
    snapshot: Snapshot
    values_left: int  # values `observations` showed from it before
    series_now_from_elsewhere: int  # of those series, how many another statement now shows


def _shown_from(settings: Settings, snap: Snapshot) -> list[tuple]:
    """The series whose shown value comes from this snapshot (the same bytes may be stored
    under another source or year too: that one is not this)."""
    if not settings.warehouse.exists():
        return []
    _, rows = run_query(
        settings.warehouse,
        "SELECT indicator_id, period, country_name, breakdown FROM observation_vintages "
        "WHERE role = 'chosen' AND source_id = ? AND snapshot_year = ? AND snapshot_sha256 = ?",
        [snap.source_id, snap.year, snap.sha256],
    )
    return rows


def find_one(store: SnapshotStore, sha_prefix: str, source_id: str | None = None, year: int | None = None) -> Snapshot:
    found = [
        s for s in store.find(sha_prefix) if (source_id is None or s.source_id == source_id) and (year is None or s.year == year)
    ]
    if not found:
        elsewhere = store.find(sha_prefix) if source_id is not None or year is not None else []
        if elsewhere:  # stored, but not under the source or year asked for: say where
            where = ", ".join(f"{s.source_id} {s.year}" for s in elsewhere)
            asked = " ".join(x for x in (source_id, str(year) if year is not None else None) if x)
            raise KrError(
                f"snapshot {sha_prefix!r} is not stored under {asked} but under {where}"
                f" (`kr snapshot list {elsewhere[0].source_id}` shows it)"
            )
        raise KrError(f"no snapshot {sha_prefix!r} in the store (`kr snapshot list` shows them)")
    if len(found) > 1:
        where = ", ".join(f"{s.source_id} {s.year} {s.sha256[:12]}" for s in found)
        raise KrError(f"{sha_prefix!r} names {len(found)} snapshots ({where}): give more of the checksum, or --source/--year")
    return found[0]


def withdraw(
    settings: Settings, sha_prefix: str, reason: str, source_id: str | None = None, year: int | None = None, build=None
) -> tuple[Withdrawal, list]:
    """Withdraw one snapshot, rebuild, and say what left `observations`. build: the build to
    run (pipeline.build by default); returns (withdrawal, build results)."""
    from .. import pipeline

    store = SnapshotStore(settings.snapshots)
    snap = find_one(store, sha_prefix, source_id, year)
    before = _shown_from(settings, snap)
    store.withdraw(snap, reason)
    results = (build or pipeline.build)(settings)
    after = {tuple(r) for r in _shown_from(settings, snap)}
    if after:
        raise KrError(f"{snap.sha256[:12]} still shows {len(after)} values after the build: report this as a bug")
    now_shown = 0
    if before and settings.warehouse.exists():
        _, shown = run_query(settings.warehouse, "SELECT indicator_id, period, country_name, breakdown FROM observations")
        now_shown = len({tuple(r) for r in before} & {tuple(r) for r in shown})
    return Withdrawal(snap, len(before), now_shown), results
