"""Update: look for new publications of every source (or one), then build once; one report
per source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..config import Settings
from ..errors import KrError
from ..ingest.download import Fetcher
from ..ingest.snapshots import SnapshotStore
from ..publishers import REFERENCE
from ..registry import known_source, load_registry
from .build import PublicationResult, Steps, build
from .fetch import FetchOutcome, fetch_source, fetch_year, stored_years


@dataclass
class SourceReport:
    source_id: str
    fetched: list[FetchOutcome] = field(default_factory=list)
    built: list[PublicationResult] = field(default_factory=list)
    error: str | None = None
    note: str | None = None  # why nothing was attempted (a reference document, no new file)
    withdrawn: list = field(default_factory=list)  # inventory.Withdrawal: snapshots withdrawn in this run
    # Years of interest this run did not ask, and why (archived, withdrawn and not fetched again,
    # curated edition, stored and not asked by a backfill without --recheck)
    not_asked: list[tuple[int, str]] = field(default_factory=list)

    @property
    def unreachable(self) -> bool:
        return any(o.status == "unreachable" for o in self.fetched)

    @property
    def answered(self) -> bool:
        """Did any of the publisher's servers answer in this run (an HTTP 500 is an answer)?"""
        return any(o.answered for o in self.fetched)

    def failures(self, offline_allowed: bool = False) -> list[str]:
        """What failed, each in a few words: "iwf 2025 (HTTP 500)", "ncmec (build: ...)".
        offline_allowed: an unreachable publisher is not a failure (the run allows offline)."""
        out = [
            o.label for o in self.fetched if o.failed and (o.status == "error" or not offline_allowed) and o.status != "skipped"
        ]
        skipped = [o.year for o in self.fetched if o.status == "skipped"]
        if skipped and not offline_allowed:
            out.append(f"{self.source_id} {', '.join(map(str, skipped))} (not tried: host down)")
        out += [f"{r.publication} ({r.status})" for r in self.built if r.status != "loaded"]
        if self.error:
            out.append(f"{self.source_id} ({_brief(self.error)})")
        return out

    @property
    def failed(self) -> bool:
        """Something went wrong other than the publisher being unreachable (which the run
        judges: a failure, unless every publisher was and the run allows offline)."""
        return bool(self.error) or any(o.status == "error" for o in self.fetched) or any(r.status != "loaded" for r in self.built)


def _brief(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


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
    if counts.get("removed"):
        parts.append(f"{counts['removed']} moved or removed (404; the stored edition stays)")
    loaded = [r for r in report.built if r.status == "loaded"]
    refused = [r for r in report.built if r.status != "loaded"]
    if any(not r.curated for r in loaded):
        parts.append("loaded " + ", ".join(r.publication for r in loaded if not r.curated))
    curated: dict[str, int] = {}  # "curated, edition 2025" -> how many versions of it (a fresh build loads each)
    for r in loaded:
        if r.curated:
            curated[r.publication] = curated.get(r.publication, 0) + 1
    parts += [f"loaded {p}" + (f" ({n} versions)" if n > 1 else "") for p, n in curated.items()]
    for r in refused:
        parts.append(f"REFUSED {r.message}")
    for w in report.withdrawn:
        parts.append(f"withdrew {w.snapshot.year} ({w.snapshot.sha256[:12]}): {w.values_left} values left observations")
    if report.error:
        parts.append(f"ERROR {report.error}")
    if report.not_asked:
        parts.append("not asked: " + ", ".join(f"{year} ({why.split(' (')[0]})" for year, why in report.not_asked))
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
    if source_id is not None:
        known_source(sources, source_id)
    store = SnapshotStore(settings.snapshots)
    fetcher = fetcher or Fetcher(allow_private=settings.allow_private_urls)
    reports: dict[str, SourceReport] = {}
    for sid in [source_id] if source_id else list(sources):
        report = reports[sid] = SourceReport(sid)
        fetchable = sources[sid].parser != REFERENCE and bool(sources[sid].urls or sources[sid].discoverable)
        try:
            wanted = years
            if wanted is not None and not recheck:
                # A backfill asks every year it is told to, but one it has fetched (a withdrawn
                # snapshot or a curated edition never counts as having it): --recheck asks those too.
                have = stored_years(store, sid, curated=False)
                wanted = [y for y in wanted if y not in have]
            if fetchable:
                report.fetched = fetch_source(store, sources[sid], fetcher, years=wanted, recheck=recheck, fetch_one=fetch_one)
                report.not_asked = not_asked(store, sources[sid], {o.year for o in report.fetched}, years)
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


def not_asked(store: SnapshotStore, source, asked: set[int], told: list[int] | None = None) -> list[tuple[int, str]]:
    """Years of interest (the registry's, the store's, and those a backfill was told) that the
    run did not ask, each with why; a year simply stored (and not rechecked) is not listed
    unless a backfill was told to ask it."""
    snaps = store.list(source.source_id)
    archived = set(source.archived)
    years = set(source.candidate_years()) | {s.year for s in snaps} | archived | set(told or [])
    out = []
    for year in sorted(years - asked):
        mine = [s for s in snaps if s.year == year]
        live = [s for s in mine if not s.withdrawn]
        if year in archived:
            out.append((year, "archived in the registry (kept, not asked again)"))
        elif mine and not live:
            out.append((year, "withdrawn, not fetched again"))
        elif live and all(s.curated for s in live):
            out.append((year, "curated edition (the publisher is not asked)"))
        elif told is not None and year in told:
            out.append((year, "stored (a backfill asks again with --recheck)"))
    return out


def parse_years(text: str) -> list[int]:
    """ "2019-2024" or "2019,2021" -> a list of years."""
    from ..limits import check_year

    years: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            first, last = (check_year(x, "years") for x in part.split("-", 1))
            if last < first:
                raise KrError(f"not a range of years: {part!r} (from the earlier year to the later)")
            years += range(first, last + 1)
        elif part:
            years.append(check_year(part, "years"))
    if not years:
        raise KrError(f"no years in {text!r}")
    return sorted(set(years))
