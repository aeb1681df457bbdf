"""Publishing after a run (KR_PUBLISH) to a URL fsspec writes to. That a run which changed the
warehouse rebuilds the site and publishes it to a folder, and one that changed nothing publishes
nothing, is checked with a worker on a real server (tests/test_prefect_server.py)."""

import json

import fsspec

from kr_pipeline import pipeline
from kr_pipeline.present.publish import publish_to

from .helpers import fill_store


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


def test_a_target_that_cannot_be_published_to_fails_the_run_in_one_line(prefect_harness, settings, monkeypatch, tmp_path):
    """Publishing is the last step: what was loaded stays loaded; the run ends Failed, saying why."""
    from click.testing import CliRunner

    from kr_pipeline.cli import main

    from .conftest import IWF_2024
    from .helpers import rows
    from .httpserver import LocalServer, Route
    from .test_update_e2e import write_registry

    foreign = tmp_path / "someone-elses"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("not kr publish's")
    monkeypatch.setenv("KR_PUBLISH", str(foreign))
    with LocalServer() as server:
        server.routes["/iwf/2024/geographical-hosting-urls/"] = Route(IWF_2024.read_bytes(), content_type="text/html")
        write_registry(settings, server.url(""), server.url(""), ncmec_urls={})
        result = CliRunner().invoke(main, ["update", "--source", "iwf"])
    assert result.exit_code == 1, result.output
    assert "completed with failures: publish (" in result.stderr and "Traceback" not in result.output
    assert (foreign / "notes.txt").read_text() == "not kr publish's" and len(list(foreign.iterdir())) == 1
    assert rows(settings, "SELECT DISTINCT source_id FROM observations") == [("iwf",)]
