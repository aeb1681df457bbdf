"""Golden outputs: the whole parsed output of every real publication the tests use (every
row, value, qualifier and period) against a reviewed CSV in its publisher's folder
(src/kr_pipeline/publishers/<organisation>/golden/<case>.csv, the cases in cases.yaml beside
it). A parser change that alters any row fails here with a readable diff. After reviewing a
deliberate change: KR_UPDATE_GOLDEN=1 python3.11 run.py test tests/test_golden.py, and review
the CSV diff. A CSV without a case, or a case without a CSV, fails too: no golden file is
silently never compared."""

from __future__ import annotations

import difflib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kr_pipeline import publishers
from kr_pipeline.config import PROJECT_ROOT
from kr_pipeline.reading.context import ParseContext
from kr_pipeline.registry import load_registry
from kr_pipeline.stages.build import parser_module

from .conftest import STORE

REGISTRY = load_registry()


@dataclass(frozen=True)
class Case:
    name: str
    golden: Path
    channel: str
    file: Path
    year: int
    url: str | None = None
    voice: str | None = None


def cases() -> dict[str, Case]:
    found = {}
    for folder in publishers.folders().values():
        listed = folder / "golden" / "cases.yaml"
        if not listed.is_file():
            continue
        for name, spec in (yaml.safe_load(listed.read_text("utf-8")) or {}).items():
            if "stored" in spec:
                source, year = spec["stored"].split()
                [file] = [p for p in (STORE / source / year).iterdir() if p.suffix not in (".json", ".yaml")]
            else:
                file = PROJECT_ROOT / spec["file"]
            found[name] = Case(
                name, listed.parent / f"{name}.csv", spec["channel"], file, spec["year"], spec.get("url"), spec.get("voice")
            )
    return found


CASES = cases()


def _csv(case: Case) -> str:
    source = REGISTRY[case.channel]
    context = ParseContext(url=case.url, voice=case.voice, own_hosts=source.own_hosts)
    parsed = parser_module(source.parser).parse(case.file.read_bytes(), case.year, case.file.name, context)
    buf = io.StringIO()
    parsed.observations.to_csv(buf, index=False, lineterminator="\n", float_format="%.10g")
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_parsed_output_equals_the_reviewed_golden_file(name):
    case = CASES[name]
    got = _csv(case)
    if os.environ.get("KR_UPDATE_GOLDEN") == "1":
        case.golden.write_text(got, "utf-8")
    want = case.golden.read_text("utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), case.golden.name, "parsed now", n=1))
        pytest.fail(f"the parsed output of {case.file.name} changed:\n{diff[:6000]}")


def test_every_golden_file_is_a_case_and_every_case_has_one():
    files = {p for folder in publishers.folders().values() for p in (folder / "golden").glob("*.csv")}
    assert files == {c.golden for c in CASES.values()}
    assert len(CASES) >= 11
