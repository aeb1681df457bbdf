"""Runs that change the warehouse rebuild the site and publish it with the read-only copy
(KR_PUBLISH: a folder, or a URL fsspec writes to); a run that changed nothing publishes nothing."""

import json

import fsspec
import pytest
from click.testing import CliRunner

from kr_pipeline import pipeline
from kr_pipeline.cli import main
from kr_pipeline.config import Settings
from kr_pipeline.publish import publish_to

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import fill_store
from .httpserver import LocalServer, Route
from .test_update_e2e import write_registry


@pytest.fixture
def publisher():
    with LocalServer() as server:
        for year, pdf in NCMEC_PDFS.items():
            server.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(pdf.read_bytes(), content_type="application/pdf")
        server.routes["/iwf/2024/geographical-hosting-urls/"] = Route(IWF_2024.read_bytes(), content_type="text/html")
        yield server


def test_publish_to_a_url_uploads_every_file_and_the_manifest_last(settings, monkeypatch):
    fill_store(settings)
    assert all(r.status == "loaded" for r in pipeline.build(settings))
    fs = fsspec.filesystem("memory")
    order: list[str] = []
    real_put = fs.put_file

    def put_file(lpath, rpath, *args, **kwargs):
        order.append(rpath)
        return real_put(lpath, rpath, *args, **kwargs)

    monkeypatch.setattr(type(fs), "put_file", lambda self, lpath, rpath, *a, **k: put_file(lpath, rpath, *a, **k))
    done, where = publish_to("memory://bucket/kr", settings.warehouse, base_url="https://data.example.org/kr/")
    assert where == "memory://bucket/kr/manifest.json"
    manifest = json.loads(fs.cat("memory://bucket/kr/manifest.json"))
    names = {t["file"] for t in manifest["tables"]} | {"kr.duckdb"}
    stored = {p.split("/bucket/kr/", 1)[1] for p in fs.find("memory://bucket/kr")}
    assert names | {"manifest.json"} == stored and done.relations == len(manifest["tables"])
    assert order[-1].endswith("/manifest.json") and len(order) == len(stored)


def test_a_run_that_loads_rebuilds_the_site_and_publishes_one_that_changes_nothing_does_not(
    prefect_harness, settings, publisher, monkeypatch, tmp_path
):
    write_registry(settings, publisher.url(""), publisher.url(""))
    public, site = tmp_path / "public", tmp_path / "site"
    monkeypatch.setenv("KR_PUBLISH", str(public))
    monkeypatch.setenv("KR_SITE", str(site))
    settings = Settings.from_env()
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--source", "ncmec"])  # a weekly check that finds new editions
    assert first.exit_code == 0, first.output
    assert f"site: {site / 'index.html'}" in first.stdout and f"published: {public / 'manifest.json'}" in first.stdout
    assert (public / "site" / "index.html").is_file() and (public / "kr.duckdb").is_file()
    report = first.stdout.split("change report: ")[1].split("\n")[0]
    text = open(report, encoding="utf-8").read()
    assert f"- published (site and read-only copy): {public / 'manifest.json'}" in text
    assert f"- site: {site / 'index.html'}" in text
    published = (public / "manifest.json").stat().st_mtime_ns
    again = runner.invoke(main, ["check", "--source", "ncmec"])  # nothing new: nothing rebuilt or published
    assert again.exit_code == 0, again.output
    assert "published:" not in again.stdout and "site:" not in again.stdout
    assert (public / "manifest.json").stat().st_mtime_ns == published
