from __future__ import annotations

import dataclasses
import shutil
import socket
from pathlib import Path

import pytest

from kr_pipeline.config import WAREHOUSE_DIR, Settings, quiet_frameworks

quiet_frameworks()

FIXTURES = Path(__file__).parent / "fixtures"
# The real publications ship once, in the snapshot store (warehouse/snapshots, content-addressed
# with a provenance sidecar each); the tests read them there, never a second copy.
STORE = WAREHOUSE_DIR / "snapshots"


def stored(source: str, year: int, ext: str) -> Path:
    """The one shipped publication of a source and year (not a curated file)."""
    [path] = sorted((STORE / source / str(year)).glob(f"*.{ext}"))
    return path


# The real NCMEC PDFs (from shared/publications/ncmec), by year.
NCMEC_PDFS = {int(p.parent.name): p for p in sorted(STORE.glob("ncmec/*/*.pdf"))}
# NCMEC's 2024 layout (referrals | informational | total), rows from an independent transcription
# in a layout of ours (not a real PDF, so not in the store): tests/fixtures/ncmec/build_2024.py.
NCMEC_2024 = FIXTURES / "ncmec" / "2024-reports-by-country.pdf"
# IWF's 2024 table rows (tests/fixtures/iwf/*.csv) in markup of ours: tests/fixtures/iwf/build_page.py.
IWF_2024 = stored("iwf", 2024, "html")
# The monitor chapter's text (the reference document curated quotes are checked against).
CHAPTER = stored("kib", 2025, "txt")
# The Stem voor kinderen page, rebuilt from its text by tests/fixtures/stem/build_page.py.
STEM_2021 = stored("stemvoorkinderen", 2021, "html")


# Tests that start a real Prefect server, a browser or the analysts' clients, kill processes or
# build the whole site: `python3.11 run.py test --fast` (-m "not slow") leaves them out; CI runs all.
SLOW = {
    "test_prefect_server",
    "test_update_e2e",
    "test_next_editions",
    "test_runs",
    "test_faults",
    "test_site_browser",
    "test_clients",
    "test_site",
    "test_tempserver",
    "test_publish_runs",
    "test_query_limits",  # queries and parses killed at their time and memory limits
    "test_parse_limits",
}


# `run.py test --fast` runs the modules on two workers, each module whole on one (pytest-xdist
# --dist loadfile: a module's fixtures are made once), the longest first, so that neither
# worker waits for the other at the end (measured: the property test of test_precedence, ~15 s,
# scheduled last kept one worker busy 11 s after the other had finished)
LONGEST_FIRST = ("test_precedence", "test_charts", "test_cli", "test_hostile", "test_build")


def pytest_collection_modifyitems(items):
    for item in items:
        if item.module is not None and item.module.__name__.rsplit(".", 1)[-1] in SLOW:
            item.add_marker(pytest.mark.slow)

    def rank(item) -> int:
        name = item.module.__name__.rsplit(".", 1)[-1] if item.module is not None else ""
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within a module and among the others is kept


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Tests may only talk to 127.0.0.1: any other connection attempt fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("/"):
            raise OSError(f"test tried to reach {host}: tests never use the internet")
        return real_connect(self, address)

    real_getaddrinfo = socket.getaddrinfo

    def local_only(host, *args, **kw):
        if host not in ("127.0.0.1", "localhost", "::1", None):
            raise socket.gaierror(socket.EAI_NONAME, f"tests never resolve {host}")
        return real_getaddrinfo(host, *args, **kw)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """A private warehouse, empty snapshot store and a copy of the registry, via the environment."""
    registry = tmp_path / "sources.yaml"
    from .helpers import shipped_registry_text

    registry.write_text(shipped_registry_text(), "utf-8")
    env = {
        "KR_WAREHOUSE": str(tmp_path / "kr.duckdb"),
        "KR_SNAPSHOTS": str(tmp_path / "snapshots"),
        "KR_SOURCES": str(registry),
        "KR_ALLOW_PRIVATE_URLS": "1",
        "KR_CURATED": str(tmp_path / "curated"),  # none unless a test adds some
        "KR_SITE": "off",  # the annual update's site is built where a test checks it
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return Settings.from_env()


@pytest.fixture(scope="session")
def _prebuilt_stores(tmp_path_factory):
    """Stores of helpers.fill_store built once per session (per xdist worker), by its
    arguments: {(ncmec_years, iwf): folder with snapshots/ and kr.duckdb}."""
    return tmp_path_factory, {}


@pytest.fixture
def prebuilt(settings, _prebuilt_stores):
    """prebuilt(ncmec_years=..., iwf=...): the test's own store filled by fill_store and its
    warehouse built from it by `kr build`, as copies of one made once per session with the
    same registry and settings (a build of the same bytes writes the same rows: test_precedence
    checks that a fresh build is independent of when it runs). Returns the test's store."""
    from kr_pipeline import pipeline
    from kr_pipeline.ingest.snapshots import SnapshotStore

    from .helpers import fill_store, shipped_registry_text

    factory, made = _prebuilt_stores

    def copy(ncmec_years=(2020, 2022, 2023), iwf=True) -> "SnapshotStore":
        key = (tuple(ncmec_years), iwf)
        if key not in made:
            root = factory.mktemp("prebuilt")
            (root / "sources.yaml").write_text(shipped_registry_text(), "utf-8")
            template = dataclasses.replace(
                settings,
                warehouse=root / "kr.duckdb",
                snapshots=root / "snapshots",
                sources=root / "sources.yaml",
                curated=root / "curated",
            )
            fill_store(template, ncmec_years, iwf)
            results = pipeline.build(template)
            assert results and all(r.status == "loaded" for r in results), [r.message for r in results]
            made[key] = root
        root = made[key]
        assert settings.sources.read_text("utf-8") == shipped_registry_text(), "prebuilt() is built with the shipped registry"
        assert not settings.snapshots.exists() and not settings.warehouse.exists(), "prebuilt() fills an empty store"
        shutil.copytree(root / "snapshots", settings.snapshots)
        for part in root.glob("kr.duckdb*"):  # the file and a write-ahead log, if any
            shutil.copy2(part, settings.warehouse.with_name(settings.warehouse.name + part.name[len("kr.duckdb") :]))
        return SnapshotStore(settings.snapshots)

    return copy


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for the whole session (it takes 10-20 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The warehouse built from the repo's own snapshot store and curated files (read it only)."""
    from kr_pipeline import pipeline
    from kr_pipeline.config import WAREHOUSE_DIR

    tmp = tmp_path_factory.mktemp("shipped")
    shutil.copytree(WAREHOUSE_DIR / "snapshots", tmp / "snapshots")
    built = Settings(
        warehouse=tmp / "kr.duckdb",
        snapshots=tmp / "snapshots",
        sources=None,
        allow_private_urls=False,
        curated=None,
    )
    results = pipeline.build(built)
    assert results and all(r.status == "loaded" for r in results), [r.message for r in results if r.status != "loaded"]
    return built


@pytest.fixture(scope="session")
def shipped_export(shipped, tmp_path_factory):
    """`kr export` of the shipped warehouse (read it only): (its folder, the names written)."""
    from kr_pipeline.present.export import export_views

    out = tmp_path_factory.mktemp("export") / "out"
    return out, {p.name for p in export_views(shipped.warehouse, out)}


@pytest.fixture(scope="session")
def built_site(shipped, tmp_path_factory):
    """The site of the shipped warehouse (`kr site`), after a run whose change report covers
    every load (so the home page has a "last run" to show)."""
    import dataclasses

    from kr_pipeline.present.report import change_report
    from kr_pipeline.present.website import build_site
    from kr_pipeline.stages.update import SourceReport

    from .helpers import rows

    tmp = tmp_path_factory.mktemp("site")
    settings = dataclasses.replace(shipped, reports=tmp / "reports", site=tmp / "site")
    [(first,)] = rows(shipped, "SELECT min(started_at) FROM loads")
    change_report(settings, "build", [SourceReport("all")], first)
    build_site(settings, settings.site)
    return settings.site
