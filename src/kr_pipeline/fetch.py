"""Downloading publications: timeouts, retries with backoff, a size limit, conditional GET.

Only http(s); redirects are followed by hand so every hop is checked; private and loopback
addresses are refused unless explicitly allowed (tests serve from 127.0.0.1). A 404/410 is
"not yet published", not a crash. Nothing partial is ever returned.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from . import __version__
from .errors import FetchError, NotYetPublished, Unreachable
from .reading.pdftext import is_pdf

USER_AGENT = f"kr-pipeline/{__version__} (Kinderrechten in Beweging monitor; yearly download of published statistics)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class FetchResult:
    url: str
    final_url: str
    not_modified: bool
    data: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None


@dataclass
class Fetcher:
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    total_timeout: float = 300.0  # for the whole body: stops a trickling endless download
    max_bytes: int = 50 * 1024 * 1024
    retries: int = 3  # attempts in all
    backoff: float = 1.0  # seconds, doubled each retry
    max_redirects: int = 5
    allow_private: bool = False

    def _check_url(self, source: str, year: int | None, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(source, year, url, "only http(s) URLs with a host are allowed")
        if self.allow_private:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:  # a name that does not resolve will not resolve in a second either
            raise Unreachable(source, year, url, f"publisher could not be reached (DNS: {exc.strerror})") from None
        for info in infos:
            ip = ipaddress.ip_address(info[4][0])
            if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
                raise FetchError(
                    source, year, url, f"refusing a private/loopback address {ip} (set KR_ALLOW_PRIVATE_URLS=1 to allow)"
                )

    def get(
        self,
        source: str,
        year: int | None,
        url: str,
        *,
        expect: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """Download url. Retries only what may pass (connection errors, timeouts, 5xx, 429)."""
        delay = self.backoff
        last_error: FetchError | None = None
        for attempt in range(1, self.retries + 1):
            try:
                return self._get_once(source, year, url, expect, etag, last_modified)
            except _Retryable as exc:
                kind = Unreachable if exc.unreachable else FetchError
                last_error = kind(source, year, url, f"{exc} (attempt {attempt}/{self.retries})")
                if attempt < self.retries:
                    time.sleep(delay)
                    delay *= 2
        assert last_error is not None
        raise last_error

    def _get_once(self, source, year, url, expect, etag, last_modified) -> FetchResult:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        with requests.Session() as session:
            session.trust_env = False  # no proxies or netrc from the environment
            for _ in range(self.max_redirects + 1):
                self._check_url(source, year, current)
                try:
                    resp = session.get(
                        current,
                        headers=headers,
                        stream=True,
                        allow_redirects=False,
                        timeout=(self.connect_timeout, self.read_timeout),
                    )
                except requests.exceptions.Timeout as exc:
                    raise _Retryable(f"timed out: {exc.__class__.__name__}") from None
                except requests.exceptions.ConnectionError as exc:
                    why = _refused_or_unresolved(exc)
                    if why:  # nobody listens there: no retry, no sleep
                        host = urlsplit(current).netloc
                        raise Unreachable(source, year, url, f"publisher could not be reached: {why} ({host})") from None
                    raise _Retryable(f"publisher could not be reached: {_short(exc)}", unreachable=True) from None
                except requests.exceptions.RequestException as exc:
                    raise FetchError(source, year, url, f"request failed: {_short(exc)}") from None
                with resp:
                    if resp.is_redirect:
                        location = resp.headers.get("Location")
                        if not location:
                            raise FetchError(source, year, url, f"HTTP {resp.status_code} without Location")
                        current = urljoin(current, location)
                        continue
                    return self._read(source, year, url, current, resp, expect)
        raise FetchError(source, year, url, f"more than {self.max_redirects} redirects")

    def _read(self, source, year, url, final_url, resp, expect) -> FetchResult:
        status = resp.status_code
        if status == 304:
            return FetchResult(url, final_url, True, b"", None, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        if status in (404, 410):
            raise NotYetPublished(source, year, url, f"HTTP {status}: not (yet) published")
        if status in _RETRY_STATUS:
            raise _Retryable(f"HTTP {status}")
        if status != 200:
            raise FetchError(source, year, url, f"HTTP {status}")
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(source, year, url, f"file is {int(declared):,} bytes, over the {self.max_bytes:,}-byte limit")
        chunks, size, started = [], 0, time.monotonic()
        try:
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(source, year, url, f"download exceeds the {self.max_bytes:,}-byte limit")
                if time.monotonic() - started > self.total_timeout:
                    raise _Retryable(f"download took over {self.total_timeout:.0f} s")
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            raise _Retryable(f"download cut off: {_short(exc)}") from None
        data = b"".join(chunks)
        if declared and declared.isdigit() and int(declared) != len(data):
            raise _Retryable(f"download cut off: got {len(data):,} of {int(declared):,} bytes")
        content_type = resp.headers.get("Content-Type")
        _check_kind(source, year, url, expect, data, content_type)
        return FetchResult(url, final_url, False, data, content_type, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))


class _Retryable(Exception):
    def __init__(self, message: str, unreachable: bool = False):
        super().__init__(message)
        self.unreachable = unreachable


def _refused_or_unresolved(exc: BaseException) -> str | None:
    """ "connection refused" or "name does not resolve" when the exception chain says so
    (requests wraps urllib3's error, which wraps the socket's); None for other failures."""
    seen: set[int] = set()
    todo: list = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, ConnectionRefusedError):
            return "connection refused"
        if isinstance(e, socket.gaierror) or type(e).__name__ == "NameResolutionError":
            return "the host name does not resolve (DNS)"
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None)]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
    text = str(exc)
    if "Connection refused" in text:
        return "connection refused"
    if "Name or service not known" in text or "Failed to resolve" in text:
        return "the host name does not resolve (DNS)"
    return None


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"


def _check_kind(source, year, url, expect, data, content_type) -> None:
    """The bytes must be what the registry says: a PDF must start %PDF-, HTML must look like HTML."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if expect == "pdf" and not is_pdf(data):
        raise FetchError(source, year, url, f"expected a PDF, got {ctype or 'unknown type'} ({data[:20]!r}…)")
    if expect == "html":
        head = data[:2048].lstrip().lower()
        if ctype not in ("text/html", "application/xhtml+xml") and not head.startswith((b"<!doctype html", b"<html")):
            raise FetchError(source, year, url, f"expected an HTML page, got {ctype or 'unknown type'}")
