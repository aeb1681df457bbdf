"""Fetching against a local HTTP server on 127.0.0.1 that misbehaves on purpose."""

import pytest

from kr_pipeline.errors import FetchError, NotYetPublished
from kr_pipeline.fetch import Fetcher

from .conftest import NCMEC_PDFS
from .httpserver import LocalServer, Route

PDF = NCMEC_PDFS[2020].read_bytes()


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def fast(**kw):
    return Fetcher(allow_private=True, backoff=0.01, connect_timeout=2, read_timeout=2, **kw)


def test_downloads_a_pdf(server):
    server.routes["/2020.pdf"] = Route(PDF, content_type="application/pdf", etag='"abc"')
    result = fast().get("ncmec", 2020, server.url("/2020.pdf"), expect="pdf")
    assert result.data == PDF and result.etag == '"abc"' and not result.not_modified
    assert server.requests[0][1]["User-Agent"].startswith("kr-pipeline/")


def test_conditional_get(server):
    server.routes["/2020.pdf"] = Route(PDF, content_type="application/pdf", etag='"abc"')
    result = fast().get("ncmec", 2020, server.url("/2020.pdf"), expect="pdf", etag='"abc"')
    assert result.not_modified and result.data == b""


def test_404_is_not_yet_published(server):
    with pytest.raises(NotYetPublished, match="ncmec 2031: .*HTTP 404: not \\(yet\\) published"):
        fast().get("ncmec", 2031, server.url("/2031.pdf"), expect="pdf")
    assert len(server.requests) == 1  # not retried


def test_500_then_success_is_retried(server):
    server.routes["/x.pdf"] = Route(PDF, content_type="application/pdf", fail_first=2)
    assert fast().get("ncmec", 2020, server.url("/x.pdf"), expect="pdf").data == PDF
    assert server.routes["/x.pdf"].hits == 3


def test_persistent_500_fails_after_retries(server):
    server.routes["/x.pdf"] = Route(PDF, fail_first=99)
    with pytest.raises(FetchError, match="HTTP 500 \\(attempt 3/3\\)"):
        fast().get("ncmec", 2020, server.url("/x.pdf"), expect="pdf")


def test_redirect_is_followed(server):
    server.routes["/old.pdf"] = Route(status=301, headers={"Location": "/new.pdf"})
    server.routes["/new.pdf"] = Route(PDF, content_type="application/pdf")
    result = fast().get("ncmec", 2020, server.url("/old.pdf"), expect="pdf")
    assert result.data == PDF and result.final_url.endswith("/new.pdf")


def test_redirect_loop_is_stopped(server):
    server.routes["/a"] = Route(status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fast().get("ncmec", 2020, server.url("/a"), expect="pdf")


def test_body_cut_off_is_an_error(server):
    server.routes["/x.pdf"] = Route(PDF, content_type="application/pdf", cut_after=1000)
    with pytest.raises(FetchError, match="cut off"):
        fast().get("ncmec", 2020, server.url("/x.pdf"), expect="pdf")


def test_html_error_page_instead_of_pdf(server):
    server.routes["/x.pdf"] = Route(b"<html>Oops</html>", content_type="text/html")
    with pytest.raises(FetchError, match="expected a PDF, got text/html"):
        fast().get("ncmec", 2020, server.url("/x.pdf"), expect="pdf")


def test_oversized_body_stopped(server):
    server.routes["/big"] = Route(PDF, content_type="application/pdf")
    with pytest.raises(FetchError, match="over the 1,000-byte limit"):
        fast(max_bytes=1000).get("ncmec", 2020, server.url("/big"), expect="pdf")
    server.routes["/endless"] = Route(endless=True, content_type="application/pdf")
    with pytest.raises(FetchError, match="exceeds the 1,000,000-byte limit"):
        fast(max_bytes=1_000_000).get("ncmec", 2020, server.url("/endless"), expect="pdf")


def test_timeout(server):
    server.routes["/slow"] = Route(PDF, delay=1.5)
    with pytest.raises(FetchError, match=r"timed out: ReadTimeout \(attempt 2/2\)"):
        Fetcher(allow_private=True, backoff=0.01, read_timeout=0.3, retries=2).get("ncmec", 2020, server.url("/slow"))


def test_connection_refused_is_unreachable():
    with LocalServer() as s:
        url = s.url("/x.pdf")
    with pytest.raises(FetchError, match="publisher could not be reached"):
        fast().get("ncmec", 2020, url)


def test_only_http_and_no_private_addresses(server):
    with pytest.raises(FetchError, match="only http"):
        fast().get("ncmec", 2020, "file:///etc/passwd")
    with pytest.raises(FetchError, match="refusing a private/loopback address 127.0.0.1"):
        Fetcher(backoff=0.01).get("ncmec", 2020, server.url("/x.pdf"))
