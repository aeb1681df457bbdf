"""A stored file whose bytes changed but whose size did not (bit rot, tampering) is refused at
build by its checksum (Snapshot.read_verified), naming the snapshot; the others load (issue 23
part 5: a size-only check survived as a mutant before)."""

from __future__ import annotations

import re

from kr_pipeline import pipeline

from .helpers import fill_store, rows


def test_same_size_corruption_is_refused_at_build_naming_the_snapshot(settings):
    store = fill_store(settings, ncmec_years=(2020, 2022), iwf=False)
    snap = store.latest("ncmec", 2020)
    good = snap.path.read_bytes()
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01  # one bit, same size
    snap.path.write_bytes(bytes(bad))
    assert len(bad) == snap.size and snap.path.stat().st_size == snap.size

    results = {r.year: r for r in pipeline.build(settings)}
    assert results[2022].status == "loaded"
    refused = results[2020]
    assert refused.status == "rejected", refused.message
    assert f"ncmec 2020 ({snap.file})" in refused.message, refused.message
    assert re.search(r"checksum|corrupted|damaged", refused.message), refused.message
    assert rows(settings, "SELECT DISTINCT year FROM observations WHERE source_id = 'ncmec'") == [(2022,)]
    [(status, error)] = rows(settings, "SELECT status, error FROM loads WHERE year = 2020")
    assert status == "rejected" and snap.file in error
