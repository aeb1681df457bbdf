"""The change report `kr build` writes, section by section and cell by cell against the
warehouse, for a run that brings a new publication, a revision, a curated figure that conflicts
with the value shown, a publication refused as read and one refused by validation, with expected
figures still missing (issue 23 part 5: the conflicts, new figures, missing figures and
validation verdict sections each survived a mutant before)."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from click.testing import CliRunner

import kr_pipeline.publishers as sources
from kr_pipeline import pipeline
from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore

from .conftest import NCMEC_PDFS
from .helpers import fill_store, rows, shipped_registry_text
from .test_precedence import CURATED_NCMEC_2020, _republished_2023
from .test_precedence_rules import PROBE_PARSER

# 2020: "ongeveer 25.000" (24,500..25,500) does not cover the 25,704 shown: a conflict;
# 2023: "circa 70.000" (65,000..75,000) covers 72,950: it confirms and is no conflict.
CURATED = CURATED_NCMEC_2020


def _fmt(v) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _sections(markdown: str) -> dict[str, list[str]]:
    """'## Title' -> its non-empty lines."""
    out: dict[str, list[str]] = {}
    for block in markdown.split("\n## ")[1:]:
        title, *body = block.splitlines()
        out[title] = [line for line in body if line.strip()]
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A first build (NCMEC 2022, 2023), then `kr build` of: NCMEC 2020 (new), 2023 again with
    the Netherlands revised, a curated file, NCMEC 2022's PDF registered as 2024 (refused as
    read) and a probe publication with a negative count (refused by validation)."""
    tmp = tmp_path_factory.mktemp("report")
    mp = pytest.MonkeyPatch()
    registry = tmp / "sources.yaml"
    from kr_pipeline.config import Settings

    registry.write_text(
        shipped_registry_text()
        + textwrap.dedent("""
        probe_a:
          publisher: NCMEC (a test channel)
          organisation: ncmec
          title: "Probe {year}"
          parser: krprobe
          format: text
          urls: {}
        """)
    )
    folder = tmp / "parsers"
    (folder / "krprobe").mkdir(parents=True)
    (folder / "krprobe" / "__init__.py").write_text('"""A parser of the report tests."""\n')
    (folder / "krprobe" / "parser.py").write_text(PROBE_PARSER)
    mp.setattr(sources, "__path__", [*sources.__path__, str(folder)])
    env = {
        "KR_WAREHOUSE": str(tmp / "kr.duckdb"),
        "KR_SNAPSHOTS": str(tmp / "snapshots"),
        "KR_SOURCES": str(registry),
        "KR_CURATED": str(tmp / "curated"),
        "KR_REPORTS": str(tmp / "reports"),
        "KR_SITE": "off",
    }
    for k, v in env.items():
        mp.setenv(k, v)
    try:
        settings = Settings.from_env()
        fill_store(settings, ncmec_years=(2022, 2023), iwf=False)
        first = pipeline.build(settings)
        assert [r.status for r in first] == ["loaded", "loaded"]
        before = {load_id for (load_id,) in rows(settings, "SELECT load_id FROM loads")}

        store = SnapshotStore(settings.snapshots)
        store.add("ncmec", 2020, NCMEC_PDFS[2020].read_bytes(), url="https://example.invalid/2020.pdf",
                  retrieved_at="2021-04-01T00:00:00+00:00")  # fmt: skip
        store.add("ncmec", 2023, _republished_2023(), url="https://example.invalid/2023.pdf",
                  retrieved_at="2026-11-29T00:00:00+00:00")  # fmt: skip
        store.add("ncmec", 2024, NCMEC_PDFS[2022].read_bytes(), url="https://example.invalid/2024.pdf",
                  retrieved_at="2025-04-01T00:00:00+00:00")  # fmt: skip
        store.add("probe_a", 2021, b"2021 -5 exact table\n", url="https://example.invalid/probe",
                  content_type="text/plain", retrieved_at="2022-04-01T00:00:00+00:00")  # fmt: skip
        settings.curated.mkdir(parents=True)
        (settings.curated / "ncmec.yaml").write_text(CURATED)
        result = CliRunner().invoke(main, ["build"])
        assert result.exit_code == 1, result.output  # two refusals
        [report] = sorted(settings.reports.glob("*-build.md"))
        loads = rows(
            settings,
            "SELECT load_id, source_id, year, file, status, rows_new, rows_revised, validation_success, "
            "validation_summary, error FROM loads ORDER BY source_id, year",
        )
        yield settings, report.read_text("utf-8"), [r for r in loads if r[0] not in before]
    finally:
        mp.undo()


def test_the_run_has_what_each_section_needs(run):
    settings, _, loads = run
    outcome = {(s, y): status for _, s, y, _, status, *_ in loads}
    assert outcome == {
        ("ncmec", 2020): "loaded",
        ("ncmec", 2023): "loaded",
        ("ncmec", 2024): "rejected",
        ("ncmec", 2025): "loaded",  # the curated file, edition 2025
        ("probe_a", 2021): "rejected",
    }
    [(conflicts,)] = rows(settings, "SELECT count(*) FROM conflicts")
    [(missing,)] = rows(settings, "SELECT count(*) FROM missing_figures")
    [(revisions,)] = rows(settings, "SELECT count(*) FROM revisions")
    assert conflicts == 1 and missing > 0 and revisions > 0


def test_new_figures_cell_by_cell(run):
    settings, report, loads = run
    expected = [f"- {s} {y} ({f}): {n:,} new values" for _, s, y, f, status, n, *_ in loads if status == "loaded" and n]
    assert _sections(report)["New figures"] == expected
    # and the counts are the values those loads brought: NCMEC 2020 every one of its statements
    [(file, stated)] = rows(
        settings,
        "SELECT s.file, count(*) FROM statements st JOIN snapshots s ON s.source_id = st.source_id "
        "AND s.year = st.snapshot_year AND s.sha256 = st.snapshot_sha256 WHERE st.snapshot_year = 2020 GROUP BY 1",
    )
    assert f"- ncmec 2020 ({file}): {stated:,} new values" in expected
    assert not any(" 2024 " in line or "probe_a" in line for line in expected)


def test_conflicts_cell_by_cell(run):
    settings, report, _ = run
    conflicts = rows(
        settings,
        "SELECT indicator_id, period, country_name, breakdown, chosen_value, chosen_source_id, other_value, "
        "other_qualifier, other_source_id, other_kind FROM conflicts ORDER BY ALL",
    )
    section = _sections(report)["Conflicting statements (the value shown was chosen by precedence)"]
    assert section == [
        f"- {ind} {period} {country} [{b}]: shown {_fmt(cv)} ({cs}); {ok} {os_} says {_fmt(ov)} ({oq})"
        for ind, period, country, b, cv, cs, ov, oq, os_, ok in conflicts
    ]
    # read back: the one conflict is the curated "ongeveer 25.000" beside the parsed 25,704
    [line] = section
    assert line == (
        "- ncmec.cybertipline_reports 2020 Netherlands [total]: shown 25,704 (ncmec); curated ncmec says 25,000 (approx)"
    )
    [(shown,)] = rows(settings, "SELECT value FROM observations WHERE country_iso3 = 'NLD' AND period = '2020'")
    assert shown == 25704


def _verdict_lines(loads) -> list[str]:
    """The validation section as the warehouse's loads rows say it should read."""
    lines = []
    for _, s, y, f, status, _, _, success, summary, _ in loads:
        detail = json.loads(summary) if summary else {}
        counts = f"{detail.get('evaluated', '?')} expectations, {detail.get('failed', 0)} failed" if detail else "not validated"
        verdict = {True: "passed", False: "FAILED", None: "n/a"}[success]
        lines.append(f"- {s} {y} ({f}): {status}; {verdict} ({counts})")
    return lines


def test_validation_verdicts_cell_by_cell(run):
    _, report, loads = run
    section = _sections(report)["Validation"]
    assert section == _verdict_lines(loads)
    verdicts = {(m[1], int(m[2])): (m[3], m[4]) for m in (re.match(r"- (\S+) (\d+) \(.*\): (\w+); (\S+) ", ln) for ln in section)}
    assert verdicts == {
        ("ncmec", 2020): ("loaded", "passed"),
        ("ncmec", 2023): ("loaded", "passed"),
        ("ncmec", 2024): ("rejected", "n/a"),  # refused as read: never validated
        ("ncmec", 2025): ("loaded", "passed"),
        ("probe_a", 2021): ("rejected", "FAILED"),  # a negative count of reports
    }
    passed = [line for line in section if "; passed (" in line]
    assert passed and all(re.search(r"\(\d+ expectations, 0 failed\)$", line) for line in passed), passed


def test_a_validation_refusal_says_how_many_expectations_failed(run):
    """The loads row of a publication refused by validation keeps the suite's counts, so the
    report does not say "FAILED (? expectations, 0 failed)"."""
    settings, report, _ = run
    [(summary,)] = rows(settings, "SELECT validation_summary FROM loads WHERE source_id = 'probe_a'")
    detail = json.loads(summary)
    assert detail["success"] is False and detail["failed"] >= 1 and detail["evaluated"] > detail["failed"]
    [line] = [ln for ln in _sections(report)["Validation"] if ln.startswith("- probe_a")]
    assert line.endswith(f"rejected; FAILED ({detail['evaluated']} expectations, {detail['failed']} failed)")


def test_refused_publications_are_named_with_their_reason(run):
    _, report, loads = run
    section = _sections(report)["Not reached, not yet published, moved, refused"]
    refused = [(s, y, f, status, error) for _, s, y, f, status, *_, error in loads if status != "loaded"]
    assert len(section) == len(refused) == 2
    for s, y, f, status, error in refused:
        [line] = [ln for ln in section if ln.startswith(f"- {s} {y} ({f}): {status}: ")]
        assert error and error.split(": ")[-1][:40] in line
    assert "expected 2024" in section[0] or "expected 2024" in section[1]


def test_missing_figures_cell_by_cell(run):
    settings, report, _ = run
    grouped: dict[tuple, list[tuple]] = {}
    for ind, b, pub, year, period in rows(
        settings, "SELECT indicator_id, breakdown, publisher, year, period FROM missing_figures"
    ):
        grouped.setdefault((ind, b, pub), []).append((year, period))
    expected = [
        f"- {ind} [{b}] {', '.join(p for _, p in sorted(periods))} ({pub})"
        for (ind, b, pub), periods in sorted(grouped.items(), key=lambda kv: kv[0][:2])
    ]
    assert _sections(report)["Expected figures still missing"] == expected
    # NCMEC: the years the catalog expects and no load delivered (2019, 2021; 2024 was refused)
    [ncmec] = [line for line in expected if line.startswith("- ncmec.cybertipline_reports [total] ")]
    assert ncmec.startswith("- ncmec.cybertipline_reports [total] 2019, 2021, 2024 (")


def test_the_sites_validation_page_shows_a_validation_refusal(run, tmp_path):
    """The site's validation page is written from the same loads rows: the refused publication
    with its suite, how many checks ran and failed, and what failed (before the fix its loads
    row had no suite, and the page could not be written at all)."""
    from kr_pipeline.present.website import VALIDATION, _env, _write_pages, read_site_data

    settings, _, _ = run
    [(summary,)] = rows(settings, "SELECT validation_summary FROM loads WHERE source_id = 'probe_a'")
    detail = json.loads(summary)
    _write_pages(_env(), read_site_data(settings), "en", tmp_path, tmp_path)
    page = (tmp_path / VALIDATION).read_text("utf-8")
    [row] = re.findall(r'<tr><th scope="row">probe_a</th>.*?</tr>', page, re.S)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[:5] == ["2021", cells[1], "observations", str(detail["evaluated"]), str(detail["failed"])]
    assert cells[5] == "rejected" and "unexpected [-5.0]" in cells[6]
