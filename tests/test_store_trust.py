"""The snapshot store is checked, not trusted (issue 25 parts 3 and 4): versions are ordered by
their arrival in the store, not by the machine's clock; damaged files, missing or damaged
sidecars and stray files are found and refuse only the snapshot concerned, naming it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kr_pipeline import pipeline
from kr_pipeline.errors import SnapshotError
from kr_pipeline.ingest import inventory
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.reading.pdftext import pdf_pages

from .conftest import NCMEC_PDFS
from .helpers import fill_store, rows
from .pdfwriter import text_pdf

NL_2023 = """SELECT value FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports'
             AND country_iso3 = 'NLD' AND breakdown = 'total' AND period = '2023'"""


def _revised_2023() -> bytes:
    pages = pdf_pages(NCMEC_PDFS[2023].read_bytes())
    pages = [
        p.replace("Netherlands  72,913", "Netherlands  72,950").replace("Total 36,210,368", "Total 36,210,405") for p in pages
    ]
    return text_pdf(pages)


def _state(settings) -> list:
    return rows(settings, "SELECT * EXCLUDE (load_id, loaded_at) FROM observation_vintages ORDER BY ALL")


# ---------------------------------------------------------------- part 3: order of arrival


def test_a_revision_stored_while_the_clock_was_behind_is_the_current_version(settings, prebuilt):
    store = prebuilt(ncmec_years=(2023,), iwf=False)  # retrieved 2024-04-01
    revised, _ = store.add("ncmec", 2023, _revised_2023(), retrieved_at="2020-01-01T00:00:00+00:00")
    assert revised.arrival == 2
    assert any("before" in note for note in store.clock_notes(revised))
    [result] = pipeline.build(settings)
    assert result.status == "loaded" and result.rows_revised == 2  # the Netherlands and the total
    assert rows(settings, NL_2023) == [(72950.0,)]  # was: 72,913, the revision "superseded on arrival"
    assert rows(settings, "SELECT arrival FROM snapshots ORDER BY arrival") == [(1,), (2,)]


def test_a_future_timestamp_does_not_win_for_ever(settings):
    store = SnapshotStore(settings.snapshots)
    future, _ = store.add("ncmec", 2023, _revised_2023(), retrieved_at="2099-01-01T00:00:00+00:00")
    assert any("future" in note for note in store.clock_notes(future))
    pipeline.build(settings)
    later, _ = store.add("ncmec", 2023, NCMEC_PDFS[2023].read_bytes())  # now: the clock was put right
    assert store.clock_notes(later) and store.latest("ncmec", 2023).sha256 == later.sha256
    pipeline.build(settings)
    assert rows(settings, NL_2023) == [(72913.0,)]
    fresh = dataclasses.replace(settings, warehouse=settings.warehouse.with_name("fresh.duckdb"))
    pipeline.build(fresh)
    assert _state(fresh) == _state(settings)


def test_sidecars_without_arrival_arrived_first_in_order_of_retrieval(settings):
    """The stores written before arrival numbers: their sidecars count as having arrived in
    the order of their retrieval time (then checksum), before any numbered one."""
    store = fill_store(settings, ncmec_years=(2023,), iwf=False)
    [old] = store.list()
    sidecar = old.path.with_suffix(".json")
    meta = json.loads(sidecar.read_text())
    assert meta.pop("arrival") == 1
    sidecar.write_text(json.dumps(meta))
    store = SnapshotStore(settings.snapshots)
    assert store.list()[0].arrival is None
    new, _ = store.add("ncmec", 2023, _revised_2023(), retrieved_at="2001-01-01T00:00:00+00:00")
    assert new.arrival == 1  # one more than the highest number: after every unnumbered one
    assert [s.sha256 for s in store.list()] == [old.sha256, new.sha256]
    pipeline.build(settings)
    assert rows(settings, NL_2023) == [(72950.0,)]


# ---------------------------------------------------------------- part 4: nothing trusted unchecked


def test_bytes_of_a_loaded_snapshot_replaced_are_named_and_retried_once_restored(settings, prebuilt):
    store = prebuilt(ncmec_years=(2022, 2023), iwf=False)
    before = _state(settings)
    snap = store.latest("ncmec", 2023)
    good = snap.path.read_bytes()
    snap.path.write_bytes(good[:-500])  # truncated (or replaced by other bytes of another size)
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "damaged" in result.message and snap.sha256[:12] in result.message
    assert "ncmec 2023" in result.message and "the next build" in result.message
    assert rows(settings, NL_2023) == []  # as a fresh build of this store would be
    assert any("damaged" in p for p in inventory.store_problems(settings))
    snap.path.write_bytes(good)
    assert pipeline.build(settings) == []  # the bytes are right again: the load stands, nothing loaded twice
    assert _state(settings) == before
    assert inventory.store_problems(settings) == []


def test_same_size_tampering_is_found_by_verify(settings, prebuilt):
    store = prebuilt(ncmec_years=(2023,), iwf=False)
    snap = store.latest("ncmec", 2023)
    data = bytearray(snap.path.read_bytes())
    data[-10] ^= 1
    snap.path.write_bytes(bytes(data))
    assert inventory.store_problems(settings) == []  # sizes only
    [problem] = inventory.store_problems(settings, verify=True)
    assert "ncmec 2023" in problem and "checksum" in problem
    _, listed = inventory.snapshot_rows(settings, verify=True)
    assert [r[5] for r in listed] == ["damaged"]


def test_a_snapshot_refused_as_corrupted_is_loaded_once_its_bytes_are_restored(settings):
    store = fill_store(settings, ncmec_years=(2020, 2022), iwf=False)
    snap = store.latest("ncmec", 2020)
    good = snap.path.read_bytes()
    snap.path.write_bytes(good[:1000])
    results = {r.year: r for r in pipeline.build(settings)}
    assert results[2020].status == "rejected" and "damaged" in results[2020].message
    _, listed = inventory.snapshot_rows(settings)
    assert {r[1]: r[5] for r in listed}["2020"] == "damaged"
    snap.path.write_bytes(good)
    [again] = pipeline.build(settings)  # no --retry-rejected needed: a checksum is no verdict on the publication
    assert again.status == "loaded" and again.year == 2020


def test_a_deleted_sidecar_is_named_not_silently_dropped(settings, prebuilt):
    store = prebuilt(ncmec_years=(2022, 2023), iwf=False)
    snap = store.latest("ncmec", 2023)
    sidecar = snap.path.with_suffix(".json")
    kept = sidecar.read_bytes()
    sidecar.unlink()
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "without a sidecar" in result.message and snap.path.name in result.message
    assert any("without a sidecar" in p for p in inventory.store_problems(settings))
    _, listed = inventory.snapshot_rows(settings)
    assert ("ncmec", "2023", snap.sha256[:12]) in {r[:3] for r in listed}
    sidecar.write_bytes(kept)
    assert pipeline.build(settings) == []
    assert rows(settings, NL_2023) == [(72913.0,)]


def test_a_data_file_missing_is_named(settings):
    store = fill_store(settings, ncmec_years=(2023,), iwf=False)
    snap = store.latest("ncmec", 2023)
    snap.path.unlink()
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "damaged" in result.message and "missing" in result.message


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[]", b'{"hello": 1}'],
    ids=["broken", "list", "stray"],
)
def test_a_stray_or_damaged_json_refuses_that_snapshot_alone(settings, content):
    fill_store(settings, ncmec_years=(2022,), iwf=True)
    (settings.snapshots / "ncmec" / "2022" / "notes.json").write_bytes(content)
    results = pipeline.build(settings)
    assert sorted((r.source_id, r.year, r.status) for r in results) == [
        ("iwf", 2024, "loaded"),
        ("ncmec", 2022, "loaded"),
        ("ncmec", 2022, "rejected"),
    ]
    [refused] = [r for r in results if r.status == "rejected"]
    assert "notes.json" in refused.message and "\n" not in refused.message
    assert any("notes.json" in p for p in inventory.store_problems(settings))


def _tamper(store: SnapshotStore, **fields) -> None:
    snap = store.latest("ncmec", 2022)
    sidecar = snap.path.with_suffix(".json")
    sidecar.write_text(json.dumps({**json.loads(sidecar.read_text()), **fields}))


@pytest.mark.parametrize(
    "fields, says",
    [
        ({"file": "../../../../etc/passwd"}, "file"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"retrieved_at": "yesterday"}, "retrieved_at"),
        ({"retrieved_at": "2024-01-01T00:00:00"}, "retrieved_at"),  # no time zone
        ({"size": -1}, "size"),
        ({"size": "12"}, "size"),
        ({"sha256": "0" * 64}, "sha256"),
        ({"year": 1999}, "year"),
        ({"arrival": 0}, "arrival"),
        ({"origin": "smuggled"}, "origin"),
        ({"extra": 1}, "extra"),
    ],
)
def test_sidecar_fields_are_validated(settings, fields, says):
    store = fill_store(settings, ncmec_years=(2022, 2023), iwf=False)
    _tamper(store, **fields)
    store = SnapshotStore(settings.snapshots)
    assert [s.year for s in store.list()] == [2023]  # the damaged one is not a snapshot
    [problem] = inventory.store_problems(settings)
    assert "ncmec 2022" in problem and says in problem
    results = {(r.year, r.status) for r in pipeline.build(settings)}
    assert results == {(2022, "rejected"), (2023, "loaded")}


def test_add_refuses_a_url_that_is_not_http(tmp_path):
    store = SnapshotStore(tmp_path)
    with pytest.raises(SnapshotError, match="http"):
        store.add("ncmec", 2023, b"%PDF-1.4 x", url="javascript:alert(1)")


def test_notes_about_the_clock(tmp_path):
    store = SnapshotStore(tmp_path)
    first, _ = store.add("ncmec", 2023, b"one", retrieved_at="2024-01-01T00:00:00+00:00")
    assert store.clock_notes(first) == []
    soon = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)).isoformat()
    ahead, _ = store.add("ncmec", 2023, b"two", retrieved_at=soon)
    [note] = store.clock_notes(ahead)
    assert "future" in note and "arrival" in note
    behind, _ = store.add("ncmec", 2023, b"three", retrieved_at="2023-06-01T00:00:00+00:00")
    [note] = store.clock_notes(behind)
    assert "before" in note and ahead.sha256[:12] in note
    assert [s.arrival for s in store.list()] == [1, 2, 3]
    assert store.latest("ncmec", 2023).sha256 == behind.sha256


def test_kr_snapshot_list_and_kr_status_name_what_is_wrong_in_the_store(settings, tmp_path):
    """The CLI shows the store's check: a data file without a sidecar is named by `kr snapshot
    list` (on stderr, the listing stays machine-readable) and by `kr status`."""
    from click.testing import CliRunner

    from kr_pipeline.cli import main

    from .conftest import NCMEC_PDFS

    pdf = tmp_path / "2020.pdf"
    pdf.write_bytes(NCMEC_PDFS[2020].read_bytes())
    runner = CliRunner()
    assert runner.invoke(main, ["snapshot", "add", "ncmec", str(pdf), "--year", "2020"]).exit_code == 0
    assert runner.invoke(main, ["build"]).exit_code == 0
    stray = settings.snapshots / "ncmec" / "2020" / ("0" * 64 + ".pdf")
    stray.write_bytes(b"%PDF-1.4 not ours")
    listed = runner.invoke(main, ["snapshot", "list", "--format", "json"])
    assert listed.exit_code == 0 and stray.name[:12] in listed.stderr
    status = runner.invoke(main, ["status"])
    assert status.exit_code == 0 and stray.name[:12] in status.output
