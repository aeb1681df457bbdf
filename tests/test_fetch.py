"""Fetching against a local HTTP server on 127.0.0.1 that misbehaves on purpose."""

import base64
import gzip

import pytest

from kr_pipeline.errors import FetchError, NotYetPublished
from kr_pipeline.ingest.download import Fetcher
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.ingest.urls import is_public

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
    server.routes["/x.pdf"] = Route(PDF, content_type="application/pdf")
    with pytest.raises(FetchError, match="refusing a non-public address 127.0.0.1"):
        Fetcher(backoff=0.01).get("ncmec", 2020, server.url("/x.pdf"))
    assert server.requests == []  # refused on the connected socket, before a byte was sent


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.1.1",
        "169.254.169.254",  # link-local cloud metadata
        "100.100.100.200",  # shared address space 100.64.0.0/10: a cloud metadata address
        "0.0.0.0",
        "224.0.0.251",  # multicast
        "239.255.255.250",
        "::1",
        "fd00::1",
        "fe80::1",
        "ff02::1",  # multicast
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "2002:7f00:1::1",  # 6to4 carrying 127.0.0.1
        "2002:a00:1::1",  # 6to4 carrying 10.0.0.1
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo whose client is 10.0.0.1
    ],
)
def test_non_public_addresses_are_refused(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "145.97.39.155", "2606:4700:4700::1111", "2002:808:808::1"])
def test_public_addresses_pass(address):
    assert is_public(address)


def test_a_name_is_judged_by_the_address_it_connects_to(server, monkeypatch):
    """DNS rebinding: whatever a name resolved to before, the socket's peer is checked."""
    import socket

    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):  # publisher.example "rebinds" to loopback
        return real("127.0.0.1" if host == "publisher.example" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    server.routes["/x.pdf"] = Route(PDF, content_type="application/pdf")
    url = server.url("/x.pdf").replace("127.0.0.1", "publisher.example")
    with pytest.raises(FetchError, match="refusing a non-public address 127.0.0.1"):
        Fetcher(backoff=0.01).get("ncmec", 2020, url, expect="pdf")
    assert server.requests == []


def test_a_trickling_body_is_stopped_at_the_total_deadline(server):
    server.routes["/slow.pdf"] = Route(PDF[:200], content_type="application/pdf", trickle=0.05)  # 10 s of body
    with pytest.raises(FetchError, match=r"took over 1 s in all \(the total time limit\)"):
        fast(total_timeout=1).get("ncmec", 2020, server.url("/slow.pdf"), expect="pdf")
    assert len(server.requests) == 1  # stopped once at the deadline, not retried


def test_gzip_is_decoded_and_the_limit_counts_decoded_bytes(server):
    server.routes["/z.pdf"] = Route(gzip.compress(PDF), content_type="application/pdf", headers={"Content-Encoding": "gzip"})
    result = fast().get("ncmec", 2020, server.url("/z.pdf"), expect="pdf")
    assert result.data == PDF and server.routes["/z.pdf"].hits == 1
    assert "gzip" in server.requests[0][1]["Accept-Encoding"]
    bomb = gzip.compress(b"%PDF-" + b"\0" * 20_000_000)  # 20 MB in about 20 KB
    server.routes["/bomb.pdf"] = Route(bomb, content_type="application/pdf", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="exceeds the 1,000,000-byte limit"):
        fast(max_bytes=1_000_000).get("ncmec", 2020, server.url("/bomb.pdf"), expect="pdf")


def test_credentials_in_a_url_are_used_but_never_kept(server, tmp_path):
    server.routes["/x.pdf"] = Route(PDF, content_type="application/pdf")
    url = server.url("/x.pdf").replace("http://", "http://analyst:s3cret@")
    result = fast().get("ncmec", 2020, url, expect="pdf")
    assert server.requests[0][1]["Authorization"] == "Basic " + base64.b64encode(b"analyst:s3cret").decode()
    assert "s3cret" not in result.url + result.final_url and "analyst" not in result.url
    with pytest.raises(FetchError) as refused:
        fast().get("ncmec", 2020, url.replace("/x.pdf", "/missing.pdf"))
    assert "s3cret" not in str(refused.value) and "s3cret" not in refused.value.url
    snap, _ = SnapshotStore(tmp_path).add("ncmec", 2020, PDF, url=url)
    assert "s3cret" not in snap.url and "s3cret" not in snap.path.with_suffix(".json").read_text()
