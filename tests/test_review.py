"""`kr review`: numbers a parser would not load on its own wait, with their sentence, until a
person accepts one (it becomes a curated figure checked against its snapshot) or rejects it."""

from __future__ import annotations

import builtins
import errno
import io
import textwrap

import duckdb
import pytest
from click.testing import CliRunner

from kr_pipeline import pipeline
from kr_pipeline import publishers as sources
from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore

from .helpers import rows

NEWS = (
    "<html><head><title>Jaarcijfers Meldpunt Kinderporno 2024</title></head><body><article>"
    "<p>In 2024 verwerkte het Meldpunt Kinderporno 127.081 meldingen.</p>"
    "<p>In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen.</p>"
    "<p>De politie registreerde in 2024 5.000 meldingen.</p></article></body></html>"
)


def test_review_lists_accepts_and_rejects_end_to_end(settings):
    SnapshotStore(settings.snapshots).add(
        "offlimits",
        2024,
        NEWS.encode(),
        url="https://www.offlimits.nl/nieuws/jaarcijfers-2024",  # Offlimits' own site: its own voice
        content_type="text/html",
        origin="manual",
    )
    [result] = pipeline.build(settings)
    assert result.status == "loaded"
    runner = CliRunner()
    listed = runner.invoke(main, ["review"])
    assert listed.exit_code == 0, listed.output
    assert "60.123" in listed.output and "half-year" in listed.output and "another organisation" in listed.output
    queue = rows(settings, "SELECT candidate_id, as_published FROM review_queue ORDER BY as_published")
    (police_id, _), (half_id, _) = queue

    accepted = runner.invoke(main, ["review", "accept", half_id])
    assert accepted.exit_code == 0, accepted.output
    rejected = runner.invoke(main, ["review", "reject", police_id, "--reason", "a police figure"])
    assert rejected.exit_code == 0, rejected.output
    assert runner.invoke(main, ["review"]).output.strip() == "nothing waits for review"

    built = pipeline.build(settings)
    assert [r.status for r in built] == ["loaded"], [r.message for r in built]
    assert rows(
        settings,
        """SELECT period, value, statement_kind, quote FROM observations
                             WHERE indicator_id = 'offlimits.reports' ORDER BY period""",
    ) == [
        ("2024", 127081.0, "publication", "In 2024 verwerkte het Meldpunt Kinderporno 127.081 meldingen."),
        ("2025-H1", 60123.0, "curated", "In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen."),
    ]
    assert rows(settings, "SELECT decision, reason FROM review_decisions ORDER BY 1") == [
        ("accepted", None),
        ("rejected", "a police figure"),
    ]


def test_accepting_an_unclear_candidate_needs_the_figure_named(settings):
    text = "<html><body><p>Het Meldpunt ontving in 2023 en 2024 samen 380.000 meldingen.</p><p>In 2024 verwerkte het Meldpunt 127.081 meldingen.</p></body></html>"
    SnapshotStore(settings.snapshots).add(
        "offlimits", 2024, text.encode(), url="https://www.offlimits.nl/nieuws/x", content_type="text/html", origin="manual"
    )
    pipeline.build(settings)
    [(cid,)] = rows(settings, "SELECT candidate_id FROM review_queue")
    out = CliRunner().invoke(main, ["review", "accept", cid])
    assert out.exit_code == 2 and "say which figure it is" in out.output


# A publication the parser refuses (no Offlimits figure it can load on its own) whose numbers
# are candidates for review: a half year and another organisation's figure.
ONLY_CANDIDATES = (
    "<html><head><title>Jaarcijfers Meldpunt Kinderporno 2024</title></head><body><article>"
    "<p>In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen.</p>"
    "<p>De politie registreerde in 2024 5.000 meldingen.</p></article></body></html>"
)


def _add(settings, html: str, retrieved_at: str | None = None, year: int = 2024):
    return SnapshotStore(settings.snapshots).add(
        "offlimits",
        year,
        html.encode(),
        url="https://www.offlimits.nl/nieuws/jaarcijfers-2024",  # the publisher's own site: its own voice
        content_type="text/html",
        origin="manual",
        retrieved_at=retrieved_at,
    )


def test_a_parse_error_keeps_its_candidates_when_pickled():
    """The parse runs in a spawned child: what it raises travels pickled (isolation.Failure)."""
    import pickle

    from kr_pipeline.errors import ParseError
    from kr_pipeline.reading.context import ParseContext

    exc = ParseContext(source_id="offlimits", year=2024, file="x.html").fail("no figures", candidates=[{"sentence": "s"}])
    again = pickle.loads(pickle.dumps(exc))
    assert isinstance(again, ParseError) and again.candidates == [{"sentence": "s"}] and str(again) == str(exc)


def test_a_refused_publications_candidates_wait_for_review(settings):
    """Issue 22: a refused publication printed "2 candidates for review" and `kr review` said
    nothing waits: the candidates travelled only on a successful parse."""
    _add(settings, ONLY_CANDIDATES)
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert result.message.endswith("; 2 candidates wait in `kr review`") and result.candidates == 2
    assert rows(settings, "SELECT as_published, load_status FROM review_queue ORDER BY 1") == [
        ("5.000", "rejected"),
        ("60.123", "rejected"),
    ]
    assert rows(settings, "SELECT count(*) FROM review_candidates") == [(2,)]
    listed = CliRunner().invoke(main, ["review"])
    assert listed.exit_code == 0 and "60.123" in listed.output and "5.000" in listed.output, listed.output
    assert pipeline.build(settings) == []  # refused again only when the code changes: nothing doubles
    assert rows(settings, "SELECT count(*) FROM review_queue") == [(2,)]


def test_the_queue_shows_the_newest_version_even_when_it_was_refused(settings):
    """v1 loaded with a candidate; v2 (newer) refused with its own candidates: the queue holds
    v2's, the newest text; a later refusal without candidates (a damaged download) leaves it."""
    _add(settings, NEWS, "2025-01-01T00:00:00+00:00")
    pipeline.build(settings)
    assert {a for (a,) in rows(settings, "SELECT as_published FROM review_queue")} == {"60.123", "5.000"}
    newer = ONLY_CANDIDATES.replace("60.123", "60.124")
    _add(settings, newer, "2025-02-01T00:00:00+00:00")
    [refused] = pipeline.build(settings)
    assert refused.status == "rejected"
    assert rows(settings, "SELECT as_published, load_status FROM review_queue ORDER BY 1") == [
        ("5.000", "rejected"),
        ("60.124", "rejected"),
    ]
    _add(settings, "<html><body><p>Niets.</p></body></html>", "2025-03-01T00:00:00+00:00")
    [damaged] = pipeline.build(settings)
    assert damaged.status == "rejected" and damaged.candidates == 0
    assert [a for (a,) in rows(settings, "SELECT as_published FROM review_queue ORDER BY 1")] == ["5.000", "60.124"]


PRESS = (
    "<html><head><title>Meldpunt kreeg vorig jaar ruim 127.000 meldingen</title>"
    '<meta property="article:published_time" content="2025-05-20"></head><body><article>'
    "<p>Het Meldpunt Kinderporno kreeg in 2024 ruim 127.000 meldingen, meldt de organisatie.</p>"
    "</article></body></html>"
)


def _press(settings, html: str, url: str, retrieved_at: str):
    return SnapshotStore(settings.snapshots).add(
        "offlimits", 2024, html.encode(), url=url, content_type="text/html", origin="manual", retrieved_at=retrieved_at
    )


def test_a_press_item_under_the_same_source_and_year_hides_no_other_documents_candidates(settings):
    """A press item registered under offlimits 2024 after the hotline's own page is another
    document, not a newer version of the publication: the own page's candidates keep waiting
    beside the press item's, and each paper's; only a newer text of the same document (the own
    page again, or the same press address) replaces a document's candidates."""
    _add(settings, NEWS, "2025-01-01T00:00:00+00:00")
    _press(settings, PRESS, "https://www.nu.nl/tech/1/meldpunt.html", "2025-02-01T00:00:00+00:00")
    other = PRESS.replace("ruim 127.000", "bijna 127.100")
    _press(settings, other, "https://www.ad.nl/binnenland/meldpunt~a1/", "2025-03-01T00:00:00+00:00")
    assert [r.status for r in pipeline.build(settings)] == ["loaded", "rejected", "rejected"]
    waiting = lambda: sorted({int(v) for (v,) in rows(settings, "SELECT value FROM review_queue")})  # noqa: E731
    assert waiting() == [5000, 60123, 127000, 127100]
    listed = CliRunner().invoke(main, ["review"])
    assert all(n in listed.output for n in ("60.123", "5.000", "ruim 127.000", "bijna 127.100")), listed.output
    # a newer text at the same press address replaces that paper's candidates, no one else's
    _press(
        settings,
        PRESS.replace("ruim 127.000", "ruim 128.000"),
        "https://www.nu.nl/tech/1/meldpunt.html",
        "2025-04-01T00:00:00+00:00",
    )
    pipeline.build(settings)
    assert waiting() == [5000, 60123, 127100, 128000]
    # and a newer own text replaces the own page's
    _add(settings, NEWS.replace("60.123", "60.124"), "2025-05-01T00:00:00+00:00")
    pipeline.build(settings)
    assert waiting() == [5000, 60124, 127100, 128000]


def test_candidates_survive_a_refusal_by_the_catalog(settings):
    """A parse that succeeded but whose rows the catalog refuses keeps its candidates too."""
    from kr_pipeline.observations import ParsedPublication, frame, observation

    _add(settings, NEWS)

    def parse(snap, parser, context=None):
        row = observation(indicator_id="offlimits.nonexistent", year=2024, country_name="Netherlands", value=1, unit="reports")
        candidate = {"sentence": "Een zin met 7 meldingen.", "as_published": "7", "value": 7.0, "why": "unclear"}
        return ParsedPublication(snap.source_id, snap.year, snap.file, frame([row]), candidates=[candidate])

    [result] = pipeline.build(settings, steps=pipeline.Steps(parse=parse))
    assert result.status == "rejected" and "not in the catalog" in result.message
    assert result.message.endswith("; 1 candidate waits in `kr review`")
    assert rows(settings, "SELECT as_published FROM review_queue") == [("7",)]


def test_the_parser_contract_candidates_on_a_refusal(settings, tmp_path, monkeypatch):
    """What a parser does to keep its candidates when it refuses: `raise ctx.fail(reason,
    candidates=[...])` (the dicts ParsedPublication.candidates holds). Parsed in the spawned
    child like every publication; the refusal's candidates wait in the queue."""
    folder = tmp_path / "parsers" / "odd"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text('"""A parser written by a test."""\n')
    (folder / "parser.py").write_text(
        textwrap.dedent("""
            from kr_pipeline.reading.context import context_for

            def parse(data, year, file="?", context=None):
                ctx = context_for("odd", year, file, context)
                candidate = {"sentence": "Er waren 12 meldingen.", "as_published": "12", "value": 12.0,
                             "why": "no known measure", "period": str(year)}
                raise ctx.fail("nothing loads by itself; 1 candidates for review", candidates=[candidate])
        """)
    )
    monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder.parent)])
    settings.sources.write_text(
        settings.sources.read_text()
        + "\nodd:\n  publisher: Odd\n  title: 'Odd {year}'\n  parser: odd\n  format: text\n  urls: {}\n"
    )
    SnapshotStore(settings.snapshots).add("odd", 2024, b"Er waren 12 meldingen.\n", original_name="odd.txt")
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert result.message.endswith("): nothing loads by itself; 1 candidate waits in `kr review`"), result.message
    assert rows(settings, "SELECT as_published, why, period, load_status FROM review_queue") == [
        ("12", "no known measure", "2024", "rejected")
    ]


def test_status_and_the_change_report_count_a_refused_publications_candidates(settings):
    import datetime as dt

    from kr_pipeline.present.report import change_report

    _add(settings, ONLY_CANDIDATES)
    results = pipeline.build(settings)
    status = CliRunner().invoke(main, ["status"])
    assert "2 numbers wait for review: run `kr review`" in status.output, status.output
    assert "  offlimits 2024: 2 (from a refused publication: they wait all the same)" in status.output
    report = change_report(settings, "build", pipeline.reports_by_source(results), dt.datetime.now(dt.timezone.utc))
    assert "2 candidates wait in `kr review`" in report.markdown  # the publication's line
    assert "- 2 numbers wait for review (`kr review`)\n  - offlimits 2024: 2 (from a refused" in report.markdown


# ---------------------------------------------------------------- kr review accept / reject
def _queued(settings) -> dict[str, str]:
    """NEWS loaded from the publisher's own site: as_published -> candidate id of its two
    candidates (a half year's 60.123, the police's 5.000)."""
    _add(settings, NEWS)
    [result] = pipeline.build(settings)
    assert result.status == "loaded", result.message
    return {a: cid for cid, a in rows(settings, "SELECT candidate_id, as_published FROM review_queue")}


def _review(*args):
    return CliRunner().invoke(main, ["review", *args])


def _decisions(settings):
    return rows(settings, "SELECT candidate_id, decision FROM review_decisions ORDER BY decided_at")


@pytest.mark.parametrize(
    "options, says",
    [
        (["--indicator", "offlimits.nope"], "indicator 'offlimits.nope' is not in the catalog"),
        (["--year", "2025-Q1"], "year '2025-Q1' is not a year"),
        (["--breakdown", "girls"], "breakdown 'girls' is not one of offlimits.reports's"),
        (["--qualifier", "lower_bound"], "as_published '60.123' does not mean lower_bound 60123"),
        (["--indicator", "iwf.hosted_urls_share"], "'60.123' is no percentage and iwf.hosted_urls_share counts percent"),
    ],
)
def test_accept_checks_the_entry_as_the_build_will_before_writing(settings, options, says):
    half = _queued(settings)["60.123"]
    out = _review("accept", half, "--indicator", "offlimits.reports", *options)
    assert out.exit_code == 2 and says in out.output and out.output.count("\n") == 1, out.output
    assert out.output.startswith(f"error: candidate {half}")
    assert not (settings.curated / "offlimits.yaml").exists() and _decisions(settings) == []
    assert half in {cid for (cid,) in rows(settings, "SELECT candidate_id FROM review_queue")}


def test_accept_refuses_a_quote_that_does_not_stand_in_its_own_snapshot(settings):
    half = _queued(settings)["60.123"]
    con = duckdb.connect(str(settings.warehouse))  # as if the parser had cut the sentence short
    con.execute("UPDATE review_candidates SET sentence = 'ontving het Meldpunt 60.123 meldingen.' WHERE candidate_id = ?", [half])
    con.close()
    out = _review("accept", half)
    assert out.exit_code == 2 and "the quote is only part of a sentence of the cited document offlimits 2024" in out.output
    assert not (settings.curated / "offlimits.yaml").exists() and _decisions(settings) == []


def test_accept_refuses_a_second_figure_of_one_series(settings):
    queued = _queued(settings)
    half, police = queued["60.123"], queued["5.000"]
    assert _review("accept", half).exit_code == 0
    written = (settings.curated / "offlimits.yaml").read_text()
    out = _review("accept", police, "--indicator", "offlimits.reports", "--year", "2025-H1")
    # a candidate with no breakdown of an indicator that has several: never stored as the total by default
    assert (
        out.exit_code == 2 and "proposes no breakdown of offlimits.reports, which has ['total', 'from_netherlands']" in out.output
    )
    out = _review("accept", police, "--indicator", "offlimits.reports", "--year", "2025-H1", "--breakdown", "total")
    assert out.exit_code == 2 and "offlimits.yaml already holds offlimits.reports 2025-H1 [total]" in out.output, out.output
    assert (settings.curated / "offlimits.yaml").read_text() == written
    (settings.curated / "offlimits.yaml").unlink()  # the file lost it: the accepted decision still stands
    out = _review("accept", police, "--indicator", "offlimits.reports", "--year", "2025-H1", "--breakdown", "total")
    assert out.exit_code == 2 and f"candidate {half} was accepted as offlimits.reports 2025-H1 [total]" in out.output
    assert not (settings.curated / "offlimits.yaml").exists()


def test_a_full_disk_leaves_the_curated_file_whole_and_nothing_recorded(settings, monkeypatch):
    queued = _queued(settings)
    assert _review("accept", queued["60.123"]).exit_code == 0
    path = settings.curated / "offlimits.yaml"
    before = path.read_bytes()
    real_open = io.open

    class FullDisk:
        def __init__(self, f):
            self.f = f

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def full_disk_open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        return FullDisk(f) if any(m in mode for m in "wax+") else f

    police = ["accept", queued["5.000"], "--indicator", "offlimits.reports", "--year", "2024", "--breakdown", "from_netherlands"]
    with pytest.MonkeyPatch.context() as full:  # (monkeypatch.undo would undo the settings too)
        full.setattr(io, "open", full_disk_open)
        full.setattr(builtins, "open", full_disk_open)
        out = _review(*police)
    assert out.exit_code == 2 and "no space left to write" in out.output, out.output
    assert path.read_bytes() == before  # the old file, whole
    assert sorted(p.name for p in settings.curated.iterdir()) == ["offlimits.yaml"]  # no temporary file left
    assert _decisions(settings) == [(queued["60.123"], "accepted")]
    out = _review(*police)  # space again: it goes through
    assert out.exit_code == 0 and "written to" in out.output, out.output
    assert path.read_text().startswith(before.decode()) and path.read_text().count('note: "accepted in review') == 2


def test_accepting_twice_or_after_a_crash_writes_one_entry(settings):
    half = _queued(settings)["60.123"]
    path = settings.curated / "offlimits.yaml"
    assert _review("accept", half).exit_code == 0
    written = path.read_text()
    again = _review("accept", half)
    assert again.exit_code == 0 and "already in" in again.output, again.output
    con = duckdb.connect(str(settings.warehouse))  # a crash between the file's write and the decision's record
    con.execute("DELETE FROM review_decisions")
    con.close()
    assert half in {cid for (cid,) in rows(settings, "SELECT candidate_id FROM review_queue")}
    after_crash = _review("accept", half)
    assert after_crash.exit_code == 0 and "already in" in after_crash.output, after_crash.output
    assert path.read_text() == written and written.count(f"accepted in review {half}") == 1
    assert _decisions(settings) == [(half, "accepted")]
    assert rows(settings, "SELECT indicator_id, period, breakdown FROM review_decisions") == [
        ("offlimits.reports", "2025-H1", "total")
    ]
    [built] = pipeline.build(settings)  # the file as written loads
    assert built.status == "loaded", built.message


def test_reject_is_idempotent(settings):
    queued = _queued(settings)
    police, half = queued["5.000"], queued["60.123"]
    assert _review("reject", police, "--reason", "a police figure").exit_code == 0
    again = _review("reject", police, "--reason", "a police figure")
    assert again.exit_code == 0 and "rejected already" in again.output, again.output
    assert _decisions(settings) == [(police, "rejected")]
    assert _review("accept", half).exit_code == 0
    refused = _review("reject", half, "--reason", "changed my mind")
    assert refused.exit_code == 2 and "remove that entry" in refused.output, refused.output
    assert _decisions(settings) == [(police, "rejected"), (half, "accepted")]
