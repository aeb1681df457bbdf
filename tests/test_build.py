"""Building the warehouse from a snapshot store: atomic, idempotent, with vintages."""

import subprocess
import sys

import pytest

from kr_pipeline import pipeline
from kr_pipeline.errors import WarehouseBusy
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.registry import load_registry
from kr_pipeline.store import connection, warehouse

from .conftest import IWF_2024
from .helpers import NL_EXPECTED, NL_SQL, fill_store, rows


def test_build_loads_every_snapshot_once(settings):
    fill_store(settings)
    results = pipeline.build(settings)
    assert [(r.source_id, r.year, r.status) for r in results] == [
        ("iwf", 2024, "loaded"),
        ("ncmec", 2020, "loaded"),
        ("ncmec", 2022, "loaded"),
        ("ncmec", 2023, "loaded"),
    ]
    assert rows(settings, NL_SQL) == NL_EXPECTED
    # each NCMEC year's rows add up to its total row
    sums = rows(
        settings,
        """SELECT year, sum(value) FILTER (area_type <> 'total'), max(value) FILTER (area_type = 'total')
                             FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports' GROUP BY year ORDER BY year""",
    )
    assert sums == [(2020, 21751085.0, 21751085.0), (2022, 32059029.0, 32059029.0), (2023, 36210368.0, 36210368.0)]
    # provenance on every value
    prov = rows(
        settings,
        "SELECT DISTINCT source_id, year, publisher, url, snapshot_sha256 IS NOT NULL, retrieved_at IS NOT NULL, location IS NOT NULL FROM observations ORDER BY 1, 2",
    )
    assert all(all(r[2:]) for r in prov) and len(prov) == 4
    before = rows(settings, "SELECT count(*) FROM observation_vintages")[0][0]
    assert pipeline.build(settings) == []  # nothing new: nothing parsed
    assert rows(settings, "SELECT count(*) FROM observation_vintages")[0][0] == before
    assert rows(settings, "SELECT status, count(*) FROM loads GROUP BY 1") == [("loaded", 4)]


def _iwf_page_with(nl_count: str, top_ten: str) -> bytes:
    return (
        IWF_2024.read_bytes()
        .replace(b"<td>83,037</td>", f"<td>{nl_count}</td>".encode())
        .replace(b"<td>242,780</td>", f"<td>{top_ten}</td>".encode())
    )


def test_revision_becomes_a_new_vintage_and_the_old_stays(settings, prebuilt):
    store = prebuilt(ncmec_years=())
    store.add("iwf", 2024, _iwf_page_with("83,100", "242,843"), retrieved_at="2025-06-01T00:00:00+00:00")
    [result] = pipeline.build(settings)
    assert (result.status, result.rows_new, result.rows_revised, result.rows_unchanged) == ("loaded", 0, 2, 48)
    history = rows(
        settings,
        """SELECT country_name, vintage, value FROM observation_vintages
                                WHERE indicator_id = 'iwf.hosted_urls' AND country_name IN ('Netherlands', 'Top ten total')
                                ORDER BY 1, 2""",
    )
    assert history == [
        ("Netherlands", 1, 83037.0),
        ("Netherlands", 2, 83100.0),
        ("Top ten total", 1, 242780.0),
        ("Top ten total", 2, 242843.0),
    ]
    assert rows(
        settings,
        "SELECT value, vintage, revised FROM observations WHERE indicator_id = 'iwf.hosted_urls' AND country_name = 'Netherlands'",
    ) == [(83100.0, 2, True)]
    # unchanged values keep their first snapshot as provenance
    assert rows(settings, "SELECT count(DISTINCT snapshot_sha256) FROM observations WHERE source_id = 'iwf'") == [(2,)]


def test_a_refused_republication_loses_nothing(settings, prebuilt):
    store = prebuilt(ncmec_years=())
    store.add("iwf", 2024, _iwf_page_with("83,100", "242,780"), retrieved_at="2025-06-01T00:00:00+00:00")
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert "iwf 2024" in result.message and "add up to 242,843" in result.message
    assert rows(settings, "SELECT value FROM observations WHERE indicator_id = 'iwf.hosted_urls' AND country_iso3 = 'NLD'") == [
        (83037.0,)
    ]
    assert rows(settings, "SELECT status, coalesce(error LIKE '%Top ten total%', false) FROM loads ORDER BY started_at") == [
        ("loaded", False),
        ("rejected", True),
    ]
    assert pipeline.build(settings) == []  # same code: not retried every build
    assert [r.status for r in pipeline.build(settings, retry_rejected=True)] == ["rejected"]


def test_validation_failure_loads_nothing_and_records_why(settings):
    fill_store(settings, ncmec_years=(2020,), iwf=False)

    def bad_parse(snap, parser, context=None):
        parsed = pipeline.parse_snapshot(snap, parser, context)
        parsed.observations.loc[0, "value"] = -1.0
        return parsed

    [result] = pipeline.build(settings, steps=pipeline.Steps(parse=bad_parse))
    assert (
        result.status == "rejected"
        and "validation failed" in result.message
        and "expect_column_values_to_be_between" in result.message
    )
    assert rows(settings, "SELECT count(*) FROM observation_vintages") == [(0,)]
    [(success, summary)] = rows(settings, "SELECT validation_success, validation_summary FROM loads")
    assert success is False and "-1.0" in summary


@pytest.mark.parametrize(
    "column, wrong, message",
    [
        (
            "indicator_id",
            "ncmec.nonsense",
            "indicator 'ncmec.nonsense' is not in the catalog: add it to src/kr_pipeline/publishers/ncmec/indicators.yaml",
        ),
        (
            "unit",
            "persons",
            "indicator 'ncmec.cybertipline_reports' counts reports (src/kr_pipeline/publishers/ncmec/indicators.yaml), the rows say 'persons'",
        ),
        (
            "breakdown",
            "boys",
            "breakdown 'boys' is not one of ncmec.cybertipline_reports's ['total', 'referral', 'informational']: add it",
        ),
    ],
)
def test_rows_the_catalog_does_not_know_are_refused_and_the_others_load(settings, column, wrong, message):
    """The right measure: a publication whose rows name an indicator the catalog lacks, or
    another unit or breakdown than the catalog's, is refused whole, naming the fix; the other
    publications of the build load."""
    fill_store(settings, ncmec_years=(2020, 2022), iwf=False)

    def parse(snap, parser, context=None):
        parsed = pipeline.parse_snapshot(snap, parser, context)
        if snap.year == 2022:
            parsed.observations.loc[parsed.observations.index[-1], column] = wrong
        return parsed

    results = {r.year: r for r in pipeline.build(settings, steps=pipeline.Steps(parse=parse))}
    assert results[2020].status == "loaded" and results[2022].status == "rejected"
    assert message in results[2022].message, results[2022].message
    assert rows(settings, "SELECT DISTINCT snapshot_year FROM statements") == [(2020,)]


def test_failure_inside_the_load_rolls_back(settings, monkeypatch):
    fill_store(settings, ncmec_years=(2020,), iwf=False)
    real_store = warehouse._store_candidates

    def crash(con, load_id, snap, candidates):  # the last step of the load's transaction
        raise RuntimeError("disk full")

    monkeypatch.setattr(warehouse, "_store_candidates", crash)
    [result] = pipeline.build(settings)
    assert result.status == "failed" and "disk full" in result.message
    assert rows(settings, "SELECT count(*) FROM observation_vintages") == [(0,)]
    monkeypatch.setattr(warehouse, "_store_candidates", real_store)
    [again] = pipeline.build(settings)  # the next run completes the work
    assert again.status == "loaded" and again.rows_new == 246


def test_publications_load_together_and_a_bad_one_fails_alone(settings, monkeypatch):
    """A build loads every validated publication in one set-based transaction; when that
    fails, it loads them one by one, so only the publication that cannot be loaded fails and
    the others are loaded whole (a fresh build of what was loaded equals the batch's result)."""
    fill_store(settings)
    real_store = warehouse._store_candidates
    together_failed = []

    def crash_on_2022(con, load_id, snap, candidates):
        if snap.year == 2022:
            together_failed.append(load_id)
            raise RuntimeError("disk full")
        return real_store(con, load_id, snap, candidates)

    monkeypatch.setattr(warehouse, "_store_candidates", crash_on_2022)
    results = pipeline.build(settings)
    assert [(r.year, r.status) for r in results] == [(2024, "loaded"), (2020, "loaded"), (2022, "failed"), (2023, "loaded")]
    assert len(together_failed) == 2  # once in the batch, once alone
    assert rows(settings, "SELECT DISTINCT snapshot_year FROM statements ORDER BY 1") == [(2020,), (2023,), (2024,)]
    monkeypatch.setattr(warehouse, "_store_candidates", real_store)
    [again] = pipeline.build(settings)
    assert (again.year, again.status, again.rows_new) == (2022, "loaded", 248)
    assert rows(settings, NL_SQL) == NL_EXPECTED


def test_batch_load_counts_equal_one_by_one(settings, tmp_path, monkeypatch, prebuilt):
    """The counts and rows of the set-based load are those of loading one publication at a time."""
    prebuilt()
    batch = rows(
        settings,
        "SELECT source_id, year, status, rows_new, rows_revised, rows_unchanged, rows_retracted FROM loads ORDER BY 1, 2",
    )
    batch_obs = rows(settings, "SELECT * EXCLUDE (load_id, loaded_at, retrieved_at) FROM observations ORDER BY ALL")
    monkeypatch.setenv("KR_WAREHOUSE", str(tmp_path / "one-by-one.duckdb"))
    from kr_pipeline.config import Settings

    alone = Settings.from_env()
    real_many = warehouse.load_observations_many

    def one_at_a_time(con, items):
        if len(items) > 1:
            raise RuntimeError("no batch")
        return real_many(con, items)

    monkeypatch.setattr(warehouse, "load_observations_many", one_at_a_time)
    pipeline.build(alone)
    assert (
        rows(
            alone,
            "SELECT source_id, year, status, rows_new, rows_revised, rows_unchanged, rows_retracted FROM loads ORDER BY 1, 2",
        )
        == batch
    )
    assert rows(alone, "SELECT * EXCLUDE (load_id, loaded_at, retrieved_at) FROM observations ORDER BY ALL") == batch_obs


def test_interrupted_load_is_marked_abandoned(settings):
    store = fill_store(settings, ncmec_years=(2020,), iwf=False)
    with connection.open_for_write(settings.warehouse) as con:
        pending = pipeline.pending_snapshots(con, store, load_registry(settings.sources))
        warehouse.start_load(con, pending[0], "x")  # then the process "dies"
    [result] = pipeline.build(settings)
    assert result.status == "loaded"
    assert rows(settings, "SELECT status FROM loads ORDER BY started_at") == [("abandoned",), ("loaded",)]


def test_corrupted_snapshot_is_rejected_others_load(settings):
    store = fill_store(settings, ncmec_years=(2020, 2022), iwf=False)
    snap = [s for s in store.list() if s.year == 2020][0]
    snap.path.write_bytes(snap.path.read_bytes()[:1000])
    results = {r.year: r for r in pipeline.build(settings)}
    assert results[2020].status == "rejected" and "corrupted or truncated" in results[2020].message
    assert results[2022].status == "loaded"


def test_second_writer_gets_a_clear_message(settings, monkeypatch, prebuilt):
    prebuilt(ncmec_years=(2020,), iwf=False)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
            str(settings.warehouse),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        monkeypatch.setenv("KR_LOCK_WAIT", "0.5")
        from kr_pipeline.config import Settings

        with pytest.raises(WarehouseBusy, match="in use by another process"):
            pipeline.build(Settings.from_env())
    finally:
        holder.kill()
        holder.wait()
    assert rows(settings, "SELECT count(*) FROM observation_vintages") == [(246,)]


def test_offlimits_text_snapshot_loads_127081(settings):
    from .test_offlimits import OFFLIMITS_PARAGRAPHS

    page = "<html><body>" + "".join(f"<p>{p}</p>\n\n" for p in OFFLIMITS_PARAGRAPHS.split("\n\n")) + "</body></html>"
    # published on Offlimits' own site (a host the registry's own_hosts names): its own voice
    store = SnapshotStore(settings.snapshots)
    store.add("offlimits", 2024, page.encode(), url="https://www.offlimits.nl/nieuws/jaarcijfers-2024", content_type="text/html")
    [result] = pipeline.build(settings)
    assert result.status == "loaded"
    assert rows(
        settings,
        "SELECT value, qualifier, quote LIKE '%127.081 meldingen%' FROM observations WHERE indicator_id = 'offlimits.reports' AND year = 2024 AND breakdown = 'total'",
    ) == [(127081.0, "exact", True)]
    assert rows(settings, "SELECT voice FROM snapshot_status WHERE source_id = 'offlimits'") == [("own",)]


def test_the_same_text_in_the_press_only_waits_in_review(settings):
    from .test_offlimits import OFFLIMITS_PARAGRAPHS

    page = "<html><body>" + "".join(f"<p>{p}</p>\n\n" for p in OFFLIMITS_PARAGRAPHS.split("\n\n")) + "</body></html>"
    store = SnapshotStore(settings.snapshots)
    store.add("offlimits", 2024, page.encode(), url="https://nos.nl/artikel/2567-minder-meldingen", content_type="text/html")
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "not in Offlimits' own voice" in result.message
    assert rows(settings, "SELECT count(*) FROM observations WHERE source_id = 'offlimits'") == [(0,)]
    waiting = rows(
        settings,
        "SELECT indicator_id, period, value FROM review_queue WHERE source_id = 'offlimits' AND indicator_id = 'offlimits.reports' ORDER BY value",
    )
    assert waiting == [
        ("offlimits.reports", "2024", 72691.0),
        ("offlimits.reports", "2024", 127081.0),
        ("offlimits.reports", "2023", 255563.0),
    ]
    # an operator who knows better declares the voice: the same bytes under a declared voice load
    store.add(
        "offlimits",
        2024,
        page.encode() + b"\n",
        url="https://nos.nl/artikel/2567-minder-meldingen",
        content_type="text/html",
        voice="own",
    )
    results = pipeline.build(settings)
    assert [r.status for r in results] == ["loaded"]
    # whose voice each copy spoke in, as `kr snapshot list` shows it: the press copy's as read,
    # the declared one as declared
    import json

    from click.testing import CliRunner

    from kr_pipeline.cli import main

    listed = json.loads(CliRunner().invoke(main, ["snapshot", "list", "--source", "offlimits", "--format", "json"]).output)
    assert sorted((r["status"], r["voice"]) for r in listed) == [("loaded", "own"), ("rejected", "reported")]


def test_a_no_change_build_rewrites_nothing_but_a_changed_file_is_synced(settings, tmp_path, monkeypatch, prebuilt):
    """Views and the tables copied from files are rewritten only when their file changed: a
    changed registry title reaches `sources`, a changed views file its view; an unchanged one
    is left alone (that is most of a no-change build's time)."""
    prebuilt(ncmec_years=(2020,), iwf=False)
    [(digests_before,)] = rows(settings, "SELECT string_agg(digest, ',' ORDER BY name) FROM sync_digests")
    [(views_at,)] = rows(settings, "SELECT created_at FROM schema_views")
    pipeline.build(settings)
    assert rows(settings, "SELECT string_agg(digest, ',' ORDER BY name) FROM sync_digests") == [(digests_before,)]
    assert rows(settings, "SELECT created_at FROM schema_views") == [(views_at,)]
    registry = settings.sources.read_text("utf-8").replace("{year} CyberTipline Reports by Country", "CyberTipline {year}", 1)
    settings.sources.write_text(registry)
    extra = tmp_path / "extra.sql"
    extra.write_text("CREATE OR REPLACE VIEW kr_probe AS SELECT 42 AS answer;")
    monkeypatch.setattr(warehouse, "VIEWS_SQL", [*warehouse.VIEWS_SQL, extra])
    pipeline.build(settings)
    assert rows(settings, "SELECT title FROM sources WHERE source_id = 'ncmec'") == [("CyberTipline {year}",)]
    assert rows(settings, "SELECT answer FROM kr_probe") == [(42,)]


# ------------------------------------------- a build's fixed costs and bookkeeping (issue 28)


def test_a_first_build_starts_its_parse_child_and_validator_before_migrating(settings, monkeypatch):
    """A first build starts the parse child (importing the parsers its store needs) and Great
    Expectations' import before the migrations, so they overlap; a build with nothing new
    starts neither."""
    from kr_pipeline.ingest import isolation
    from kr_pipeline.stages import build as stage

    events: list[tuple] = []
    real_prestart, real_migrate = isolation.prestart, warehouse.migrate
    monkeypatch.setattr(
        isolation,
        "prestart",
        lambda modules, memory_mb: (events.append(("child", *modules)), real_prestart(modules, memory_mb))[1],
    )
    monkeypatch.setattr(warehouse, "migrate", lambda con: (events.append(("migrate",)), real_migrate(con))[1])
    steps = pipeline.Steps(prepare=lambda: events.append(("validator",)))
    monkeypatch.setattr(stage, "Steps", lambda: steps)
    fill_store(settings, ncmec_years=(2020,), iwf=True)
    assert {r.status for r in pipeline.build(settings)} == {"loaded"}
    child = events[0]
    assert child[0] == "child" and {"kr_pipeline.publishers.ncmec.parser", "kr_pipeline.publishers.iwf.parser", "pypdf"} <= set(
        child
    )
    assert events[1:3] == [("validator",), ("migrate",)]
    events.clear()
    assert pipeline.build(settings) == []
    assert events == [("migrate",)]  # nothing new: no child, no Great Expectations


def test_a_builds_loads_rows_are_started_at_once_and_an_interruption_leaves_them_started(settings):
    """Every publication a build takes on gets its 'started' loads row in one statement before
    the first parse: a build interrupted during the second parse leaves all three 'started'
    (nothing of them was applied), and the next build marks them abandoned and loads them."""
    fill_store(settings, ncmec_years=(2020, 2022, 2023), iwf=False)
    parsed = []

    def interrupted(snap, parser, context):
        if parsed:
            raise KeyboardInterrupt  # as a kill would: nothing after this point runs
        parsed.append(snap.year)
        return pipeline.parse_snapshot(snap, parser, context)

    with pytest.raises(KeyboardInterrupt):
        pipeline.build(settings, steps=pipeline.Steps(parse=interrupted))
    assert rows(settings, "SELECT year, status FROM loads ORDER BY started_at") == [
        (2020, "started"),
        (2022, "started"),
        (2023, "started"),
    ]
    assert rows(settings, "SELECT count(*) FROM statements") == [(0,)]
    assert [(r.year, r.status) for r in pipeline.build(settings)] == [(2020, "loaded"), (2022, "loaded"), (2023, "loaded")]
    assert rows(settings, "SELECT status, count(*) FROM loads GROUP BY ALL ORDER BY ALL") == [("abandoned", 3), ("loaded", 3)]
    # the last publication taken on is the source's last load (started in order, a microsecond apart)
    assert rows(settings, "SELECT count(DISTINCT started_at) FROM loads WHERE status = 'loaded'") == [(3,)]


class _Counting:
    """A connection that counts the statements run through it."""

    def __init__(self, con):
        self.con, self.statements = con, []

    def execute(self, sql, *args):
        self.statements.append(" ".join(sql.split()))
        return self.con.execute(sql, *args)

    def executemany(self, sql, *args):
        self.statements.append("executemany " + " ".join(sql.split()))
        return self.con.executemany(sql, *args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_bookkeeping_of_a_build_is_one_statement_per_kind_not_one_per_publication(settings):
    """Registering the store's snapshots and starting their loads: one INSERT each, whatever
    the number of publications; renumbered arrivals: one UPDATE."""
    store = fill_store(settings, ncmec_years=(2019, 2020, 2022, 2023), iwf=True)
    sources = load_registry(settings.sources)
    with connection.open_for_write(settings.warehouse) as con:
        counting = _Counting(con)
        pending = pipeline.pending_snapshots(counting, store, sources)
        assert len(pending) == 5
        ids = warehouse.start_loads(counting, [(snap, "fp") for snap in pending])
        writes = [s for s in counting.statements if s.startswith(("INSERT", "UPDATE", "executemany"))]
        assert [s.split(" (")[0] for s in writes] == ["INSERT INTO snapshots", "INSERT INTO loads"]
        assert con.execute("SELECT count(*) FROM snapshots").fetchone() == (5,)
        started = con.execute("SELECT load_id, source_id, year, status, fingerprint FROM loads ORDER BY started_at").fetchall()
        assert started == [(i, s.source_id, s.year, "started", "fp") for i, s in zip(ids, pending)]
        # the store renumbers arrivals (sidecars written before there were numbers): one UPDATE
        con.execute("UPDATE snapshots SET arrival = NULL")
        counting.statements.clear()
        assert warehouse.register_snapshots(counting, store.list()) == 5
        assert [s.split(" SET")[0] for s in counting.statements if s.startswith(("INSERT", "UPDATE"))] == ["UPDATE snapshots"]
        assert sorted(con.execute("SELECT source_id, year, arrival FROM snapshots").fetchall()) == sorted(
            (s.source_id, s.year, s.arrival) for s in store.list()
        )


def test_the_code_a_parse_and_the_site_depend_on_is_named_by_paths_that_exist():
    """The parser fingerprint hashes the shared code by path, and a path that does not exist
    adds nothing (a moved module would silently leave the fingerprint); the site's digest
    names its code by path too."""
    from kr_pipeline.present.website import _code_files
    from kr_pipeline.stages import build as stage

    missing = [p for p in stage._SHARED_CODE if not p.exists()]
    assert not missing, f"the fingerprint names files that do not exist: {missing}"
    assert all(p.is_file() for p in _code_files())


def test_a_publication_parsed_once_is_not_parsed_again_but_any_change_is(settings, monkeypatch):
    """The same stored bytes, parser code, context and limits give the same publication: a
    second parse in the same process asks no child; another year's bytes, a tighter limit or
    changed parser code do, and what comes back is a copy (changing it changes nothing kept)."""
    from kr_pipeline import limits
    from kr_pipeline.stages import build

    build._PARSED.clear()
    store = fill_store(settings, ncmec_years=(2022, 2023), iwf=False)
    snaps = {s.year: s for s in store.list()}
    asked = []
    real = build.isolation.run
    monkeypatch.setattr(
        build.isolation, "run", lambda fn, parser, data, *a, **k: asked.append(len(data)) or real(fn, parser, data, *a, **k)
    )
    first = build.parse_snapshot(snaps[2022], "ncmec")
    first.observations.loc[:, "value"] = -1.0
    again = build.parse_snapshot(snaps[2022], "ncmec")
    assert len(asked) == 1 and (again.observations["value"] >= 0).all()
    again.observations.loc[:, "value"] = -1.0
    assert (build.parse_snapshot(snaps[2022], "ncmec").observations["value"] >= 0).all() and len(asked) == 1
    build.parse_snapshot(snaps[2023], "ncmec")
    assert len(asked) == 2
    monkeypatch.setattr(limits, "parse_seconds", lambda: 7.0)
    build.parse_snapshot(snaps[2022], "ncmec")
    assert len(asked) == 3
    monkeypatch.setattr(build, "outcome_fingerprint", lambda parser, context: "changed code")
    build.parse_snapshot(snaps[2022], "ncmec")
    assert len(asked) == 4
