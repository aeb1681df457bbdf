"""Fetch: look for new publications of a source and store them as snapshots."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Literal
from urllib.parse import urlsplit

from ..errors import FetchError, NotYetPublished, SnapshotError, Unreachable
from ..fetch import Fetcher
from ..registry import Source
from ..snapshots import Snapshot, SnapshotStore
from ..urls import public_url

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
        return FetchOutcome(source.source_id, year, "unchanged", "same bytes as the stored snapshot", snap)
    what = "a re-publication (possible revision)" if previous else "new publication"
    where = ""
    if found_on:
        where = f", found on {public_url(found_on)} after {len(tried) - 1} address{'es' if len(tried) != 2 else ''} answered 404"
    elif tried:
        where = f", at {public_url(url)} after {len(tried)} address{'es' if len(tried) != 1 else ''} answered 404"
    return FetchOutcome(source.source_id, year, "new", f"{what}: {snap.size:,} bytes, sha256 {snap.sha256[:12]}{where}", snap)


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
