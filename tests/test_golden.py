"""Golden outputs: the whole parsed output of every real publication the tests use (every
row, value, qualifier and period) against a reviewed CSV in tests/golden/. A parser change
that alters any row fails here with a readable diff. After reviewing a deliberate change:
KR_UPDATE_GOLDEN=1 python3.11 run.py test tests/test_golden.py, and review the CSV diff."""

from __future__ import annotations

import difflib
import io
import os
from pathlib import Path

import pytest

from kr_pipeline.reading.context import ParseContext
from kr_pipeline.sources.iwf import parser as iwf
from kr_pipeline.sources.ncmec import parser as ncmec
from kr_pipeline.sources.offlimits import parser as offlimits
from kr_pipeline.sources.stem_voor_kinderen import parser as stem_voor_kinderen

from .conftest import CHAPTER, IWF_2024, NCMEC_2024, NCMEC_PDFS, STEM_2021
from .fixtures.comensha import REAL_2024, REAL_2024_AS_FETCHED

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    **{f"ncmec-{y}": (ncmec, p, y) for y, p in NCMEC_PDFS.items()},
    "ncmec-2024": (ncmec, NCMEC_2024, 2024),  # a fixture: transcribed rows, our layout
    "iwf-2024": (iwf, IWF_2024, 2024),
    "iwf-2025-online-hosting": (iwf, GOLDEN.parent / "fixtures/iwf/2025-online-hosting.html", 2025),
    # The chapter's Offlimits paragraphs paraphrase Offlimits' own news item (not available
    # offline): read in the voice an operator would declare for that item (`--voice own`).
    "offlimits-chapter-2024": (offlimits, CHAPTER, 2024),
    "stemvoorkinderen-2021": (stem_voor_kinderen, STEM_2021, 2021),
    "comensha-web-2024-verdieping-3": (REAL_2024_AS_FETCHED, REAL_2024, 2024),  # real text, our markup; read as fetched
}


VOICE = {"offlimits-chapter-2024": "own"}


def _csv(module, path: Path, year: int, voice: str | None = None) -> str:
    parsed = module.parse(path.read_bytes(), year, path.name, ParseContext(voice=voice))
    buf = io.StringIO()
    parsed.observations.to_csv(buf, index=False, lineterminator="\n", float_format="%.10g")
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_parsed_output_equals_the_reviewed_golden_file(name):
    module, path, year = CASES[name]
    got = _csv(module, path, year, VOICE.get(name))
    golden = GOLDEN / f"{name}.csv"
    if os.environ.get("KR_UPDATE_GOLDEN") == "1":
        golden.write_text(got, "utf-8")
    want = golden.read_text("utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"golden/{name}.csv", "parsed now", n=1))
        pytest.fail(f"the parsed output of {path.name} changed:\n{diff[:6000]}")
