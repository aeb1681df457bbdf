import json

import pytest

from kr_pipeline.errors import SnapshotError
from kr_pipeline.ingest.snapshots import SnapshotStore

from .conftest import NCMEC_PDFS


def test_add_is_content_addressed_and_idempotent(tmp_path):
    store = SnapshotStore(tmp_path)
    data = NCMEC_PDFS[2022].read_bytes()
    snap, created = store.add("ncmec", 2022, data, url="https://example.org/2022.pdf", original_name="../../etc/passwd")
    assert created and snap.path.name == f"{snap.sha256}.pdf" and snap.path.parent == tmp_path / "ncmec" / "2022"
    sidecar = json.loads((snap.path.parent / f"{snap.sha256}.json").read_text())
    assert sidecar["sha256"] == snap.sha256 and sidecar["size"] == len(data) and sidecar["url"] == "https://example.org/2022.pdf"
    assert sidecar["original_name"] == "passwd"  # a name is kept as a note, never used as a path
    again, created_again = store.add("ncmec", 2022, data)
    assert not created_again and again.sha256 == snap.sha256
    assert len(store.list()) == 1


def test_different_bytes_for_a_year_are_a_new_snapshot(tmp_path):
    store = SnapshotStore(tmp_path)
    first, _ = store.add("ncmec", 2022, NCMEC_PDFS[2022].read_bytes(), retrieved_at="2023-04-01T00:00:00+00:00")
    second, created = store.add(
        "ncmec", 2022, NCMEC_PDFS[2022].read_bytes() + b"\n%%EOF\n", retrieved_at="2024-04-01T00:00:00+00:00"
    )
    assert created and first.path.exists() and second.path.exists()
    assert store.latest("ncmec", 2022).sha256 == second.sha256


def test_corrupted_snapshot_is_detected(tmp_path):
    store = SnapshotStore(tmp_path)
    snap, _ = store.add("ncmec", 2020, NCMEC_PDFS[2020].read_bytes())
    snap.path.write_bytes(NCMEC_PDFS[2020].read_bytes()[:-100])
    with pytest.raises(SnapshotError, match="corrupted or truncated"):
        store.list()[0].read_verified()


def test_refuses_bad_input(tmp_path):
    store = SnapshotStore(tmp_path)
    with pytest.raises(SnapshotError, match="empty"):
        store.add("ncmec", 2020, b"")
    with pytest.raises(SnapshotError, match="invalid source id"):
        store.add("../x", 2020, b"data")
