"""Fetch: look for new publications of a source and store them as snapshots."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Literal
from urllib.parse import urlsplit

from ..errors import FetchError, NotYetPublished, SnapshotError, Unreachable
from ..ingest.download import Fetcher
from ..ingest.snapshots import Snapshot, SnapshotStore
from ..ingest.urls import public_url
from ..registry import Source

FetchStatus = Literal["new", "unchanged", "not_yet_published", "removed", "error", "unreachable", "skipped"]


@dataclass
class FetchOutcome:
    source_id: str
    year: int
    # skipped: not tried, its host was just unreachable; removed: a 404 for a year we have (the
    # page moved or was removed; the stored edition stays loaded)
    status: FetchStatus
    message: str
    snapshot: Snapshot | None = None
    why: str = ""  # a failure in a few words: "HTTP 500", "host not found", "connection refused"
    answered: bool = True  # the publisher's server answered (an HTTP 500 is an answer; a dead host is not)

    def __post_init__(self) -> None:
        if self.status in ("unreachable", "skipped"):
            self.answered = False
        if self.failed and not self.why:
            self.why = short_reason(self.message) if self.status != "skipped" else "not tried: its host was down"

    @property
    def failed(self) -> bool:
        """The publication was not got (a 404 is "not yet published", not a failure)."""
        return self.status in ("error", "unreachable", "skipped")

    @property
    def label(self) -> str:
        """ "iwf 2025 (HTTP 500)": a failure as the run's state message names it."""
        return f"{self.source_id} {self.year}" + (f" ({self.why})" if self.why else "")

    @property
    def sentence(self) -> str:
        """What happened, as a sentence for a task's log and state message."""
        if self.failed:
            return f"{self.source_id} {self.year} was not fetched ({self.why}): {self.message}."
        return f"{self.source_id} {self.year}: {self.status.replace('_', ' ')}: {self.message}."


class FetchFailed(Exception):
    """A fetch task's Failed state carries this (Prefect turns a failed state's data into an
    exception; never raised, so no traceback): its message is the outcome's sentence."""

    def __init__(self, outcome: FetchOutcome):
        super().__init__(outcome.sentence)
        self.outcome = outcome

    def __reduce__(self):
        return (type(self), (self.outcome,))


_REASONS = [
    (re.compile(r"\bHTTP (\d{3})"), lambda m: f"HTTP {m.group(1)}"),
    (re.compile(r"does not resolve|Name or service not known|Failed to resolve"), lambda m: "host not found"),
    (re.compile(r"connection refused", re.I), lambda m: "connection refused"),
    (re.compile(r"timed out|deadline|total time", re.I), lambda m: "timed out"),
    (re.compile(r"could not be reached"), lambda m: "connection failed"),
    (re.compile(r"expected an? (PDF|HTML page)"), lambda m: f"not a {m.group(1)}"),
    (re.compile(r"byte limit"), lambda m: "too large"),
    (re.compile(r"redirects"), lambda m: "too many redirects"),
    (re.compile(r"no URL in the source registry"), lambda m: "no URL in the registry"),
]


def short_reason(message: str) -> str:
    """A fetch failure in a few words, for the run's one-line state message."""
    for pattern, words in _REASONS:
        match = pattern.search(message)
        if match:
            return words(match)
    first = message.split(": ")[-1].strip()
    return first if len(first) <= 40 else first[:39] + "…"


def _answered(reason: str) -> bool:
    """Did the publisher's server answer (a status or content we refused), rather than not at all?"""
    return bool(re.search(r"\bHTTP \d{3}|expected an? |byte limit|redirects", reason))


def fetch_publication(store: SnapshotStore, source: Source, year: int, fetcher: Fetcher) -> FetchOutcome:
    """Find and download one year's edition: each address the registry gives, in order (a
    publisher's moved addresses), then its landing page's link to the edition; a 404 at every
    address is "not yet published", naming how many were tried."""
    addresses = source.addresses_for(year)
    landing = source.landing_for(year)
    if not addresses and landing is None:
        return FetchOutcome(source.source_id, year, "error", "no URL in the source registry")
    tried: list[str] = []
    for url in addresses:
        try:
            return _fetch_at(store, source, year, fetcher, url, tried)
        except NotYetPublished:
            tried.append(url)
    if landing is not None:
        page_url, words = landing
        tried.append(page_url)
        try:
            page = fetcher.get(source.source_id, year, page_url, expect="html")
        except NotYetPublished:
            page = None
        link = discover_link(page.data, page.final_url, year, words) if page is not None else None
        if link is not None:
            return _fetch_at(store, source, year, fetcher, link, tried, found_on=page_url)
    raise NotYetPublished(
        source.source_id,
        year,
        tried[-1],
        f"not found yet: tried {len(tried)} address{'es' if len(tried) != 1 else ''} ({', '.join(public_url(u) for u in tried)})",
    )


def discover_link(html: bytes, base: str, year: int, words: tuple[str, ...]) -> str | None:
    """The link on a landing page to a year's edition: its address or text names the year and
    every word asked ("geographic", "hosting"); only http(s) links, resolved against the page."""
    from urllib.parse import urljoin

    from ..reading.markup import soup_of

    soup = soup_of(html.decode("utf-8", errors="replace"))
    for a in soup.find_all("a", href=True):
        href = urljoin(base, str(a["href"]).strip())
        if urlsplit(href).scheme not in ("http", "https"):
            continue  # javascript:, mailto:, data: never
        said = f"{href} {a.get_text(' ')}".lower()
        if str(year) in said and all(w.lower() in said for w in words):
            return href
    return None


def _fetch_at(
    store: SnapshotStore, source: Source, year: int, fetcher: Fetcher, url: str, tried: list[str], found_on: str | None = None
) -> FetchOutcome:
    """Download one address of a year's edition into the store (conditional GET when we have it)."""
    previous = store.latest(source.source_id, year)
    same_url = previous is not None and previous.url == public_url(url)  # stored without credentials
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
        if snap.withdrawn:
            return FetchOutcome(
                source.source_id,
                year,
                "unchanged",
                f"the publisher still serves the file withdrawn on {str(snap.withdrawn_at)[:10]} ({snap.sha256[:12]}): nothing loaded",
                snap,
            )
        return FetchOutcome(source.source_id, year, "unchanged", "same bytes as the stored snapshot", snap)
    what = "a re-publication (possible revision)" if previous else "new publication"
    where = ""
    if found_on:
        where = f", found on {public_url(found_on)} after {len(tried) - 1} address{'es' if len(tried) != 2 else ''} answered 404"
    elif tried:
        where = f", at {public_url(url)} after {len(tried)} address{'es' if len(tried) != 1 else ''} answered 404"
    return FetchOutcome(source.source_id, year, "new", f"{what}: {snap.size:,} bytes, sha256 {snap.sha256[:12]}{where}", snap)


def stored_years(store: SnapshotStore, source_id: str, curated: bool = True) -> set[int]:
    """Years the store has a publication of: a withdrawn snapshot never counts (the year is
    asked again); a curated edition counts unless curated=False (a backfill asks the publisher)."""
    return {s.year for s in store.list(source_id) if not s.withdrawn and (curated or not s.curated)}


def years_to_fetch(store: SnapshotStore, source: Source, recheck: bool = False, today: dt.date | None = None) -> list[int]:
    """Years the registry says may be published (never an archived one) that the store lacks
    (or all, to recheck)."""
    have = stored_years(store, source.source_id)
    return [y for y in source.candidate_years(today) if recheck or y not in have]


def fetch_year(store: SnapshotStore, source: Source, year: int, fetcher: Fetcher) -> FetchOutcome:
    """fetch_publication, with the expected failures turned into outcomes. A 404 for a year
    the store has is not "not yet published": the page moved or was removed."""
    sid = source.source_id
    try:
        return fetch_publication(store, source, year, fetcher)
    except NotYetPublished as exc:
        stored = store.latest(sid, year)
        if stored is not None and not stored.curated:
            return FetchOutcome(
                sid,
                year,
                "removed",
                f"the page moved or was removed: {exc.reason.removeprefix('not found yet: ')} answered not found; "
                f"the stored edition of {stored.retrieved_at[:10]} "
                f"stays loaded: put its new address in the registry, or mark {year} archived there",
            )
        return FetchOutcome(sid, year, "not_yet_published", exc.reason)
    except Unreachable as exc:
        return FetchOutcome(sid, year, "unreachable", str(exc), answered=False)
    except FetchError as exc:
        return FetchOutcome(sid, year, "error", str(exc), answered=_answered(exc.reason))
    except SnapshotError as exc:
        return FetchOutcome(sid, year, "error", str(exc), why="snapshot store", answered=True)


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
        host = urlsplit(url).netloc.rsplit("@", 1)[-1].lower() if url else ""  # host and port, never credentials
        if host and host in down:
            outcomes.append(
                FetchOutcome(source.source_id, year, "skipped", f"not tried: {host} could not be reached for {down[host]}")
            )
            continue
        outcomes.append(fetch_one(store, source, year, fetcher))
        if outcomes[-1].status == "unreachable" and host:
            down[host] = year
    return outcomes
