"""Readiness: per publisher channel, which edition comes next, when it is due, where it will be
looked for, and what the store has (issue 24 part 6). From the registry and the snapshot store
only: no network, no warehouse needed (`kr status` shows it beside the warehouse's state).

An edition of year Y (its figures' year) is published in the registry's `publication_months`
of year Y+1: NCMEC's 2025 report in March-May 2026, IWF's Annual Data & Insights Report 2025
in April 2026, Offlimits' jaarverslag 2025 in spring 2026, CoMensha's "Het beeld van 2025" in
autumn 2026."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .ingest.snapshots import SnapshotStore
from .publishers import REFERENCE
from .registry import Source
from .stages.fetch import stored_years


@dataclass(frozen=True)
class NextEdition:
    source_id: str
    newest_stored: int | None  # the newest year the store has a publication of (not withdrawn, not curated)
    next_year: int  # the edition looked for next
    due: str  # "Apr 2027", "Mar-May 2026"
    state: str  # "due" (not yet), "due now", "overdue" (the months passed, not found yet)
    looked_for: str  # where: the first address (typed or from a template), and how many more

    def row(self) -> tuple:  # years as text: a table renders numbers with thousands separators
        newest = str(self.newest_stored) if self.newest_stored is not None else "none"
        return (self.source_id, newest, str(self.next_year), self.due, self.state, self.looked_for)


COLUMNS = ["source_id", "newest_stored", "next_edition", "due", "state", "looked_for"]


def _due(source: Source, year: int) -> tuple[str, list[dt.date]]:
    months = sorted(source.publication_months or [])
    if not months:
        return "unknown (no publication_months)", []
    span = calendar.month_abbr[months[0]] + (f"-{calendar.month_abbr[months[-1]]}" if len(months) > 1 else "")
    return f"{span} {year + 1}", [dt.date(year + 1, m, 1) for m in months]


def next_edition(source: Source, store: SnapshotStore, today: dt.date | None = None) -> NextEdition:
    today = today or dt.date.today()
    stored = stored_years(store, source.source_id, curated=False)  # a curated file's edition is no publication
    newest = max(stored) if stored else None
    start = (newest + 1) if newest is not None else (source.first_year or min(source.urls or [today.year - 1]))
    year = next(y for y in range(start, start + 100) if y not in source.archived)
    due, months = _due(source, year)
    if not months:
        state = "due: unknown"
    elif today < months[0]:
        state = "not yet due"
    elif today < dt.date(months[-1].year + (months[-1].month == 12), months[-1].month % 12 + 1, 1):
        state = "due now"
    else:
        state = "overdue: not found yet"
    addresses = source.addresses_for(year)
    landing = source.landing_for(year)
    if addresses:
        looked = addresses[0] + (f" (+{len(addresses) - 1} more)" if len(addresses) > 1 else "")
        looked += " and its landing page" if landing else ""
    elif landing:
        looked = f"links on {landing[0]}"
    else:
        looked = "no address: add urls or a url_template to its publisher.yaml"
    return NextEdition(source.source_id, newest, year, due, state, looked)


def readiness(sources: dict[str, Source], store: SnapshotStore, today: dt.date | None = None) -> list[NextEdition]:
    """Every channel that is fetched (not curated files, not reference documents)."""
    return [
        next_edition(source, store, today)
        for sid, source in sorted(sources.items())
        if source.parser not in (REFERENCE, "curated") and (source.urls or source.discoverable)
    ]
