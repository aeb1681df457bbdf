"""Downloading publications: timeouts, retries with backoff, a size limit, conditional GET.

Only http(s); redirects are followed by hand so every hop is checked. Only public addresses
are contacted (unless explicitly allowed: tests serve from 127.0.0.1): the address is checked
on the socket actually connected, before a byte is sent, so a name that resolves to a public
address once and a private one the next time (DNS rebinding) gains nothing. A total deadline
covers the whole download (a body sent one byte a second cannot stretch it); gzip and deflate
are accepted and the size limit applies to the decoded bytes. Credentials in a URL are used
for the request but never stored or printed. A 404/410 is "not yet published", not a crash.
Nothing partial is ever returned.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from .. import __version__
from ..errors import FetchError, NotYetPublished, Unreachable
from ..reading.pdftext import is_pdf
from .urls import is_public, public_url

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
        """Download url within total_timeout in all. Retries only what may pass (connection
        errors, timeouts, 5xx, 429), and only while the deadline allows."""
        delay = self.backoff
        last_error: FetchError | None = None
        deadline = time.monotonic() + self.total_timeout
        for attempt in range(1, self.retries + 1):
            try:
                return self._get_once(source, year, url, expect, etag, last_modified, deadline)
            except _Retryable as exc:
                kind = Unreachable if exc.unreachable else FetchError
                last_error = kind(source, year, url, f"{exc} (attempt {attempt}/{self.retries})")
                if attempt < self.retries:
                    if time.monotonic() + delay >= deadline:
                        break
                    time.sleep(delay)
                    delay *= 2
        assert last_error is not None
        raise last_error

    def _get_once(self, source, year, url, expect, etag, last_modified, deadline: float) -> FetchResult:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        with requests.Session() as session, _Watchdog(deadline) as watchdog:
            session.trust_env = False  # no proxies or netrc from the environment
            adapter = _CheckedAdapter(None if self.allow_private else is_public, watchdog.watch)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
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
                except NotPublic as exc:
                    raise FetchError(
                        source, year, url, f"refusing a non-public address {exc} (set KR_ALLOW_PRIVATE_URLS=1 to allow)"
                    ) from None
                except requests.exceptions.Timeout as exc:
                    raise _Retryable(f"timed out: {exc.__class__.__name__}") from None
                except requests.exceptions.ConnectionError as exc:
                    if watchdog.fired:
                        raise FetchError(source, year, url, watchdog.message(self.total_timeout)) from None
                    why = _refused_or_unresolved(exc)
                    if why:  # nobody listens there: no retry, no sleep
                        host = urlsplit(current).netloc.rsplit("@", 1)[-1]  # never the credentials
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
                    try:
                        return self._read(source, year, url, current, resp, expect)
                    except (_Retryable, FetchError):
                        if watchdog.fired:
                            raise FetchError(source, year, url, watchdog.message(self.total_timeout)) from None
                        raise
        raise FetchError(source, year, url, f"more than {self.max_redirects} redirects")

    def _read(self, source, year, url, final_url, resp, expect) -> FetchResult:
        status = resp.status_code
        if status == 304:
            return FetchResult(
                public_url(url),
                public_url(final_url),
                True,
                b"",
                None,
                resp.headers.get("ETag"),
                resp.headers.get("Last-Modified"),
            )
        if status in (404, 410):
            raise NotYetPublished(source, year, url, f"HTTP {status}: not (yet) published")
        if status in _RETRY_STATUS:
            raise _Retryable(f"HTTP {status}")
        if status != 200:
            raise FetchError(source, year, url, f"HTTP {status}")
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(source, year, url, f"file is {int(declared):,} bytes, over the {self.max_bytes:,}-byte limit")
        chunks, size = [], 0
        try:
            # Decoded (gzip, deflate) chunks: the limit counts the bytes as they will be stored.
            for chunk in resp.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(source, year, url, f"download exceeds the {self.max_bytes:,}-byte limit")
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            raise _Retryable(f"download cut off: {_short(exc)}") from None
        data = b"".join(chunks)
        received = resp.raw.tell()  # bytes on the wire (before decoding), what Content-Length counts
        if declared and declared.isdigit() and int(declared) != received:
            raise _Retryable(f"download cut off: got {received:,} of {int(declared):,} bytes")
        content_type = resp.headers.get("Content-Type")
        _check_kind(source, year, url, expect, data, content_type)
        return FetchResult(
            public_url(url),
            public_url(final_url),
            False,
            data,
            content_type,
            resp.headers.get("ETag"),
            resp.headers.get("Last-Modified"),
        )


class NotPublic(Exception):  # not an OSError: urllib3 must not take it for a network error and retry
    """The connected socket's peer is not a public address."""


def _checked(base: type, check, on_socket) -> type:
    class Checked(base):
        def _new_conn(self):
            sock = super()._new_conn()
            on_socket(sock)
            if check is not None:
                peer = sock.getpeername()[0]
                if not check(peer):
                    sock.close()
                    raise NotPublic(peer)
            return sock

    return Checked


class _CheckedAdapter(HTTPAdapter):
    """requests' adapter whose connections check the address they connected to (before the
    request is sent) and report their socket to the deadline's watchdog."""

    def __init__(self, check, on_socket):
        self._check, self._on_socket = check, on_socket
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        http = type(
            "HTTPPool",
            (urllib3.HTTPConnectionPool,),
            {"ConnectionCls": _checked(urllib3.connection.HTTPConnection, self._check, self._on_socket)},
        )
        https = type(
            "HTTPSPool",
            (urllib3.HTTPSConnectionPool,),
            {"ConnectionCls": _checked(urllib3.connection.HTTPSConnection, self._check, self._on_socket)},
        )
        self.poolmanager.pool_classes_by_scheme = {"http": http, "https": https}


class _Watchdog:
    """At the deadline, shuts down every socket of the download: a read blocked on a body
    that trickles in (one byte a second never trips a read timeout) ends at once."""

    def __init__(self, deadline: float):
        self.deadline, self.fired = deadline, False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def message(self, seconds: float) -> str:
        return f"the download took over {seconds:g} s in all (the total time limit) and was stopped"

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()


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
