"""Curated figures: same validation and loading as parsed ones; quotes checked against the
stored document they cite."""

import re
import shutil

import pytest

from kr_pipeline import pipeline
from kr_pipeline.config import Settings
from kr_pipeline.errors import ParseError
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.reading import curated
from kr_pipeline.reading.context import ParseContext

from .conftest import CHAPTER
from .helpers import curated_file, rows, shipped_registry_text

GOOD = """\
source_id: offlimits
title: test
publisher: Offlimits
edition: 2025
figures:
  - indicator: offlimits.reports
    year: 2024
    value: 127081
    as_published: "127.081"
    citation:
      publication: Jaarcijfers
      publisher: Offlimits
      quote: "In 2024 verwerkte het Meldpunt Kinderporno van Offlimits 127.081 meldingen van beeldmateriaal van seksueel misbruik van kinderen (tegenover 255.563 in 2023)."
      checked_in: {source: kib, year: 2025}
"""


@pytest.fixture
def store(tmp_path):
    s = SnapshotStore(tmp_path / "store")
    s.add("kib", 2025, CHAPTER.read_bytes(), original_name="chapter.txt")
    return s


def parse(text, store):
    return curated.parse(text.encode(), 2025, "offlimits.yaml", ParseContext(store)).observations


def test_good_figure_loads_with_its_citation(store):
    df = parse(GOOD, store)
    row = df.iloc[0]
    assert (row.indicator_id, row.year, row.value, row.qualifier, row.unit, row.country_iso3) == (
        "offlimits.reports",
        2024,
        127081,
        "exact",
        "reports",
        "NLD",
    )
    assert row.quote.startswith("In 2024 verwerkte") and row.as_published == "127.081"
    # the citation in columns of its own, not inside the location; checked only in the chapter
    assert (row.cited_publication, row.cited_publisher, row.cited_url) == ("Jaarcijfers", "Offlimits", None)
    assert (row.traced_to, row.checked_in) == ("secondary", "kib 2025")
    assert "Jaarcijfers" not in row.location and "kib" not in row.location


def test_a_figure_is_traced_to_its_source_only_where_checked_in_its_own_copy(store):
    store.add(
        "offlimits", 2024, CHAPTER.read_bytes(), original_name="jaarcijfers.txt", url="https://offlimits.nl/nieuws/jaarcijfers"
    )
    own = GOOD.replace("      checked_in: {source: kib, year: 2025}\n", "      url: https://offlimits.nl/nieuws/jaarcijfers\n")
    row = parse(own, store).iloc[0]
    assert (row.traced_to, row.checked_in, row.cited_url) == (
        "source",
        "offlimits 2024",
        "https://offlimits.nl/nieuws/jaarcijfers",
    )
    # the same URL, but the quote checked in the chapter: secondary
    both = GOOD.replace("      checked_in:", "      url: https://offlimits.nl/nieuws/jaarcijfers\n      checked_in:")
    assert parse(both, store).iloc[0].traced_to == "secondary"
    # an answer to an inquiry is published first in the chapter: there the chapter is its source
    inquiry = GOOD.replace("      checked_in:", '      inquiry: "2025-05-01"\n      checked_in:')
    row = parse(inquiry, store).iloc[0]
    assert (row.traced_to, row.location) == ("source", "inquiry of 2025-05-01")
    # nothing stored to check against
    unchecked = GOOD.replace("      checked_in: {source: kib, year: 2025}\n", "")
    assert parse(unchecked, store).iloc[0].traced_to == "unchecked"


def test_a_rounded_fraction_keeps_its_words(store):
    text = GOOD.replace("offlimits.reports", "offlimits.self_generated_share").replace(
        "value: 127081", "value: 33\n    qualifier: approx"
    )
    text = text.replace('as_published: "127.081"', 'as_published: "ongeveer één op de drie"').replace(
        "In 2024 verwerkte het Meldpunt Kinderporno van Offlimits 127.081 meldingen van beeldmateriaal van seksueel misbruik van kinderen (tegenover 255.563 in 2023).",
        "In 2024 was ongeveer één op de drie afbeeldingen van het beeldmateriaal gemeld bij Meldpunt Kinderporno self-generated content.",
    )
    assert parse(text, store).iloc[0].as_published == "ongeveer één op de drie"
    with pytest.raises(ParseError, match="does not mean exact"):  # 'ongeveer' is no exact figure
        parse(text.replace("qualifier: approx", "qualifier: exact"), store)


def test_quote_absent_from_the_cited_snapshot_is_refused(store):
    bad = GOOD.replace("127.081 meldingen van beeldmateriaal", "127.081 meldingen over beeldmateriaal")
    with pytest.raises(ParseError, match=r"offlimits.yaml:\d+: the quote is not in the cited document kib 2025"):
        parse(bad, store)


def test_number_not_in_the_quote_is_refused(store):
    with pytest.raises(ParseError, match="does not occur in the quote"):
        parse(GOOD.replace('as_published: "127.081"', 'as_published: "127.018"'), store)


def test_quote_of_only_the_number_is_refused(store):
    # "52" stands alone in the chapter (a chart label): as a quote it says nothing of what it counts
    bad = GOOD.replace("value: 127081", "value: 52").replace('as_published: "127.081"', 'as_published: "52"')
    bad = bad.split("      quote:")[0] + '      quote: "52"\n      checked_in: {source: kib, year: 2025}\n'
    with pytest.raises(ParseError, match=r"offlimits.yaml:\d+: the quote '52' is only a number"):
        parse(bad, store)


def test_quote_of_part_of_a_sentence_is_refused(store):
    bad = GOOD.replace("(tegenover 255.563 in 2023).", "")  # the sentence cut short
    with pytest.raises(ParseError, match=r"the quote is only part of a sentence of the cited document kib 2025"):
        parse(bad, store)


def test_number_quoted_from_another_sentence_is_refused(store):
    # the figure's number stands in the next sentence, not in the one that says what is counted
    two = (
        "Hiervan kwamen 72.691 meldingen uit Nederland. Dit leidde tot de analyse van 603.062 URL's, "
        "een stijging van 12,5% ten opzichte van 2023."
    )
    bad = GOOD.replace("value: 127081", "value: 603062").replace('"127.081"', '"603.062"')
    bad = bad.split("      quote:")[0] + f'      quote: "{two}"\n      checked_in: {{source: kib, year: 2025}}\n'
    with pytest.raises(ParseError, match=r"the quote spans several sentences of the cited document kib 2025"):
        parse(bad, store)


def test_number_inside_a_longer_number_is_not_the_number(store):
    # "255" stands in the quote only as part of "255.563"
    bad = GOOD.replace("value: 127081", "value: 255").replace('as_published: "127.081"', 'as_published: "255"')
    with pytest.raises(ParseError, match=r"as_published '255' does not occur in the quote \(as a whole number\)"):
        parse(bad, store)


def test_value_that_is_not_the_published_number_is_refused(store):
    # "127.081" read as 127.081 (a decimal) would be a silently shifted number
    with pytest.raises(ParseError, match=r"as_published '127.081' does not mean exact 127.081"):
        parse(GOOD.replace("value: 127081", "value: 127.081"), store)


def test_cited_document_missing_from_the_store_is_refused(tmp_path):
    with pytest.raises(ParseError, match="cited document kib 2025 is not in the snapshot store"):
        parse(GOOD, SnapshotStore(tmp_path / "empty"))


@pytest.mark.parametrize(
    "change, message",
    [
        (("indicator: offlimits.reports", "indicator: offlimits.nonsense"), "not in the catalog"),
        (("    value: 127081", "    value: 127081\n    colour: red"), r"offlimits.yaml:\d+: unknown key\(s\) \['colour'\]"),
        (("    value: 127081", "    value: 127081\n    breakdown: boys"), "breakdown 'boys' is not one of"),
        (("    value: 127081", "    value: null\n    qualifier: suppressed"), "a suppressed figure has no value"),
    ],
)
def test_bad_entries_are_refused_with_file_and_line(store, change, message):
    with pytest.raises(ParseError, match=message):
        parse(GOOD.replace(*change), store)


def test_suppressed_and_range_shapes(store):
    police = curated_file("police").read_text("utf-8")
    df = parse(police, store)
    yearly = df[df.period != "2017-2021"]
    assert yearly.value.isna().all() and (yearly.upper_bound == 9).all() and (yearly.qualifier == "suppressed").all()
    assert df[df.period == "2017-2021"][["year", "value", "qualifier"]].values.tolist() == [[2021, 11, "exact"]]
    nr = parse(curated_file("nr").read_text("utf-8"), store).iloc[0]
    assert (nr.qualifier, nr.value_low, nr.value_high) == ("range", 2, 3) and nr.value != nr.value  # NaN


def test_forms_may_add_up_to_more_than_the_total_but_not_less(store):
    base = curated_file("comensha").read_text("utf-8")
    quote = "Aantal bij CoMensha gemelde minderjarige slachtoffers van uitbuiting 108 2019 52 2023"

    def forms(values):
        extra = ""
        for form, v in values.items():
            extra += f"""  - indicator: comensha.minor_victims
    year: 2023
    breakdown: {form}
    value: {v}
    as_published: "{v}"
    citation: {{publication: x, publisher: x, quote: "{v} {quote}"}}
"""
        return base + extra

    df = parse(forms({"sexual": 30, "labour": 10, "criminal": 12, "other": 2}), store)  # 54 >= 52
    assert df[(df.period == "2023") & (df.breakdown != "total")].value.sum() == 54
    with pytest.raises(ParseError, match="forms add up to less than the total 52"):
        parse(forms({"sexual": 30, "labour": 10, "criminal": 10, "other": 1}), store)


@pytest.fixture
def gemeenten(settings, tmp_path, monkeypatch):
    """Settings whose curated folder holds a copy of gemeenten.yaml, with the chapter stored."""
    folder = tmp_path / "curated"
    folder.mkdir()
    shutil.copy(curated_file("gemeenten"), folder)
    monkeypatch.setenv("KR_CURATED", str(folder))
    SnapshotStore(settings.snapshots).add("kib", 2025, CHAPTER.read_bytes(), original_name="chapter.txt")
    return Settings.from_env(), folder


def test_edited_curated_file_is_checked_again(gemeenten):
    s, folder = gemeenten
    [result] = pipeline.build(s)
    assert result.status == "loaded" and result.rows_new == 2
    assert pipeline.build(s) == []  # unchanged file: nothing to do
    text = (folder / "gemeenten.yaml").read_text("utf-8")
    (folder / "gemeenten.yaml").write_text(
        text.replace("In 2023 voert 66% van de gemeenten dit beleid.", "In 2023 voert 66% van de gemeenten dit beleid (sic).")
    )
    [again] = pipeline.build(s)
    assert again.status == "rejected" and "quote is not in the cited document" in again.message
    assert rows(s, "SELECT value FROM observations WHERE indicator_id = 'gemeenten.trafficking_policy_share'") == [(66.0,)]


def test_a_typo_is_refused_naming_the_edited_file_and_its_fix_is_not_refused_again(gemeenten):
    """The refusal names the file the editor edits (its path and line), not the stored copy's
    hash name; once fixed, the next build loads the file, repeats no old refusal, and the
    refused draft leaves `kr status` (snapshot_status.superseded)."""
    s, folder = gemeenten
    pipeline.build(s)
    path = folder / "gemeenten.yaml"
    good = path.read_text("utf-8")
    path.write_text(good.replace('as_published: "66%"', 'as_published: "67%"'))
    [refused] = pipeline.build(s)
    # the line of the figure's entry ("- indicator: ...") in the file as the editor has it
    line = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "indicator: gemeenten.trafficking" in t)
    assert refused.status == "rejected"
    assert f"{path.resolve()}:" in refused.message and "as_published '67%' does not occur in the quote" in refused.message
    assert re.search(rf"gemeenten.yaml:{line}: as_published", refused.message), refused.message
    assert not re.search(r"[0-9a-f]{64}", refused.message)  # no stored copy's hash name
    path.write_text(good + "\n")  # fixed (the same figures: a new version of the file)
    results = pipeline.build(s)
    assert [(r.source_id, r.status) for r in results] == [("gemeenten", "loaded")]  # the old draft is not tried again
    assert pipeline.build(s) == []
    assert rows(s, "SELECT count(*) FROM snapshot_status WHERE status = 'rejected' AND NOT superseded") == [(0,)]
    assert rows(s, "SELECT snapshots_refused FROM source_status WHERE source_id = 'gemeenten'") == [(0,)]
    # the fix that restores the very bytes loaded before (a stored version): nothing to load, no old refusal
    fixed = path.read_text("utf-8")
    path.write_text(fixed.replace('as_published: "70%"', 'as_published: "71%"'))
    assert [r.status for r in pipeline.build(s)] == ["rejected"]
    path.write_text(fixed)
    assert pipeline.build(s) == []
    assert rows(s, "SELECT count(*) FROM snapshot_status WHERE status = 'rejected' AND NOT superseded") == [(0,)]
    assert rows(s, "SELECT snapshots_refused, last_load_status FROM source_status WHERE source_id = 'gemeenten'") == [
        (0, "loaded")
    ]


def test_changed_curated_value_keeps_the_old_vintage(gemeenten):
    s, folder = gemeenten
    pipeline.build(s)
    text = (folder / "gemeenten.yaml").read_text("utf-8")
    first, second = text.split("  - indicator: gemeenten.vulnerable_groups_attention_share")
    vng_quote = second.split('quote: "')[1].split('"')[0]
    edited = (
        first.replace("value: 66", "value: 70")
        .replace('"66%"', '"70%"')
        .replace("In 2023 voert 66% van de gemeenten dit beleid.", vng_quote)
        + "  - indicator: gemeenten.vulnerable_groups_attention_share"
        + second
    )
    (folder / "gemeenten.yaml").write_text(edited)
    [result] = pipeline.build(s)
    assert (result.status, result.rows_revised, result.rows_unchanged) == ("loaded", 1, 1)
    assert rows(
        s, "SELECT vintage, value FROM observation_vintages WHERE indicator_id = 'gemeenten.trafficking_policy_share' ORDER BY 1"
    ) == [(1, 66.0), (2, 70.0)]


def test_figure_removed_from_the_curated_file_is_retracted(gemeenten):
    s, folder = gemeenten
    pipeline.build(s)
    text = (folder / "gemeenten.yaml").read_text("utf-8")
    kept = text.split("  - indicator: gemeenten.vulnerable_groups_attention_share")[0]
    (folder / "gemeenten.yaml").write_text(kept)
    [result] = pipeline.build(s)
    assert result.status == "loaded" and result.message.endswith("1 unchanged values, 1 retracted")
    assert rows(s, "SELECT indicator_id FROM observations") == [("gemeenten.trafficking_policy_share",)]
    history = rows(
        s,
        "SELECT vintage, value, qualifier, role FROM observation_vintages WHERE indicator_id = 'gemeenten.vulnerable_groups_attention_share' ORDER BY 1",
    )
    assert history == [(1, 70.0, "exact", "retracted")]
    assert rows(s, "SELECT indicator_id FROM missing_figures WHERE indicator_id LIKE 'gemeenten%'") == [
        ("gemeenten.vulnerable_groups_attention_share",)
    ]
    assert pipeline.build(s) == []  # retracting is done once


# ---- inputs that would change meaning without a word: refused, naming the fix ----


def test_a_second_figures_key_is_refused_not_silently_dropped(gemeenten):
    s, folder = gemeenten
    text = (folder / "gemeenten.yaml").read_text("utf-8")
    head, figures = text.split("figures:\n", 1)
    (folder / "gemeenten.yaml").write_text(
        head + "figures:\n" + figures + "figures:\n" + figures.split("  - indicator: gemeenten.vulnerable")[0]
    )
    results = pipeline.build(s)
    assert [r.status for r in results] == ["rejected"]
    assert "duplicate key 'figures'" in results[0].message and "first on line" in results[0].message
    assert rows(s, "SELECT count(*) FROM observations") == [(0,)]


def test_a_curated_file_named_after_another_source_is_refused(gemeenten):
    s, folder = gemeenten
    (folder / "gemeenten.yaml").rename(folder / "vng.yaml")
    [result] = pipeline.build(s)
    assert result.status == "rejected" and result.file == "vng.yaml"
    assert "vng.yaml says source_id 'gemeenten' but is named 'vng'" in result.message
    assert SnapshotStore(s.snapshots).list("gemeenten") == []
    assert rows(s, "SELECT count(*) FROM observations") == [(0,)]


def test_two_curated_files_for_one_source_load_neither(gemeenten):
    """Both files are refused, naming each other: the source keeps its current version (no new
    snapshot), so nothing the first file loaded is retracted by the other."""
    s, folder = gemeenten
    pipeline.build(s)
    versions = SnapshotStore(s.snapshots).list("gemeenten")
    text = (folder / "gemeenten.yaml").read_text("utf-8")  # a second file with one of the two figures
    (folder / "gemeenten-b8.yaml").write_text(text.split("  - indicator: gemeenten.vulnerable_groups_attention_share")[0])
    results = pipeline.build(s)
    assert sorted(r.file for r in results) == ["gemeenten-b8.yaml", "gemeenten.yaml"]
    assert all(r.status == "rejected" for r in results)
    for r in results:
        assert "gemeenten-b8.yaml and gemeenten.yaml both claim source 'gemeenten': neither is loaded" in r.message
    assert SnapshotStore(s.snapshots).list("gemeenten") == versions
    assert rows(s, "SELECT count(*) FROM observations WHERE source_id = 'gemeenten'") == [(2,)]
    assert rows(s, "SELECT count(*) FROM observation_vintages WHERE role = 'retracted'") == [(0,)]


def test_a_file_claiming_another_files_source_retracts_nothing(gemeenten):
    """comensha.yaml saying source_id: ncmec (with one of NCMEC's 2024 figures) once became
    NCMEC's newest version and retracted the others."""
    s, folder = gemeenten
    ncmec = curated_file("ncmec").read_text("utf-8")
    (folder / "ncmec.yaml").write_text(ncmec)
    assert {r.status for r in pipeline.build(s)} == {"loaded"}
    before = rows(s, "SELECT period, breakdown, value FROM observations WHERE source_id = 'ncmec' ORDER BY ALL")
    assert len(before) == 3
    (folder / "comensha.yaml").write_text(
        ncmec.split("  - indicator: ncmec.cybertipline_reports\n    year: 2024\n    breakdown")[0]
    )
    results = pipeline.build(s)
    assert {r.file for r in results} == {"comensha.yaml", "ncmec.yaml"} and {r.status for r in results} == {"rejected"}
    claim = next(r for r in results if r.file == "comensha.yaml").message
    assert "comensha.yaml says source_id 'ncmec' but is named 'comensha'" in claim
    assert "comensha.yaml and ncmec.yaml both claim source 'ncmec'" in claim
    assert rows(s, "SELECT period, breakdown, value FROM observations WHERE source_id = 'ncmec' ORDER BY ALL") == before
    assert rows(s, "SELECT count(*) FROM observation_vintages WHERE role = 'retracted'") == [(0,)]


def test_duplicate_keys_in_the_registry_are_refused(tmp_path):
    from kr_pipeline.registry import RegistryError, load_registry

    registry = shipped_registry_text()
    (tmp_path / "sources.yaml").write_text(registry + "\nncmec:\n  publisher: x\n")
    with pytest.raises(RegistryError, match="duplicate key 'ncmec'"):
        load_registry(tmp_path / "sources.yaml")


# ---- a chart's run of labels: each number belongs to its own year ----

RUN = "Aantal bij CoMensha gemelde minderjarige slachtoffers van uitbuiting 108 2019 52 2023"


def label_figure(year, number, quote=RUN):
    return f"""\
source_id: comensha
edition: 2025
figures:
  - indicator: comensha.minor_victims
    year: {year}
    value: {number}
    as_published: "{number}"
    citation: {{publication: x, publisher: x, quote: "{quote}"}}
"""


def parse_comensha(text, store):
    return curated.parse(text.encode(), 2025, "comensha.yaml", ParseContext(store)).observations


def test_a_number_of_a_chart_label_run_belongs_to_its_own_year(store):
    assert parse_comensha(label_figure(2019, 108), store).value.tolist() == [108]
    assert parse_comensha(label_figure(2023, 52), store).value.tolist() == [52]
    pairs = r"the quote pairs 108 with 2019 and 52 with 2023"
    with pytest.raises(ParseError, match=rf"comensha.yaml:4: {pairs}; this figure is 2019"):
        parse_comensha(label_figure(2019, 52), store)
    with pytest.raises(ParseError, match=rf"comensha.yaml:4: {pairs}; this figure is 2023"):
        parse_comensha(label_figure(2023, 108), store)
    with pytest.raises(ParseError, match=rf"{pairs}; this figure is 2021"):
        parse_comensha(label_figure(2021, 52), store)
    with pytest.raises(ParseError, match=rf"{pairs}; this figure is 2019"):  # the run may end a sentence
        parse_comensha(label_figure(2019, 52, RUN + "."), store)


def test_a_label_run_may_put_the_year_first(store):
    years_first = RUN.replace("108 2019 52 2023", "2019 108 2023 52")
    assert parse_comensha(label_figure(2019, 108, years_first), store).value.tolist() == [108]
    with pytest.raises(ParseError, match=r"the quote pairs 2019 with 108 and 2023 with 52; this figure is 2019"):
        parse_comensha(label_figure(2019, 52, years_first), store)


@pytest.mark.parametrize(
    "labels, number",
    [("108 2019 52", 52), ("2019 108 2023", 108), ("108 52 2019 2023", 108), ("2019 2020 2023 2024", 2020)],
)
def test_a_label_run_whose_pairing_cannot_be_told_is_refused(store, labels, number):
    quote = RUN.replace("108 2019 52 2023", labels)
    with pytest.raises(ParseError, match=r"comensha.yaml:4: the quote's run of labels '.+' cannot be paired"):
        parse_comensha(label_figure(2019, number, quote), store)


def test_the_shipped_label_run_figures_load(store):
    df = parse_comensha(curated_file("comensha").read_text("utf-8"), store)
    run = df[df.indicator_id == "comensha.minor_victims"]
    assert sorted(zip(run.period, run.value)) == [("2019", 108), ("2023", 52)]


def test_an_unreadable_number_in_a_fraction_is_no_match_not_a_crash():
    from kr_pipeline.reading.curated import _matches_published

    assert _matches_published("één op de drie", "approx", 33, None, None, None, "nl")
    assert not _matches_published("één op de 1\u200b0", "approx", 10, None, None, None, "nl")


def test_a_corrected_citation_of_an_unchanged_value_is_what_readers_see(gemeenten):
    """Issue 25 part 5: the citation of a curated value is corrected (its URL and publication),
    the value is not: observations, and so the site and the exports, show the newest version's
    provenance; the first snapshot stays in the history."""
    s, folder = gemeenten
    pipeline.build(s)
    first = rows(s, "SELECT snapshot_sha256 FROM observations WHERE indicator_id = 'gemeenten.trafficking_policy_share'")
    text = (folder / "gemeenten.yaml").read_text("utf-8")
    fixed = text.replace(
        "      publication: Onderzoek aanpak mensenhandel in gemeenten 2023\n      url: https://vng.nl/publicaties  #",
        "      publication: Aanpak mensenhandel in gemeenten, rapport 2023\n      url: https://vng.nl/rubrieken/mensenhandel-rapport-2023  #",
        1,
    )
    assert fixed != text
    (folder / "gemeenten.yaml").write_text(fixed, "utf-8")
    [result] = pipeline.build(s)
    assert result.status == "loaded"
    shown = rows(
        s,
        "SELECT value, url, publication, snapshot_sha256 FROM observations WHERE indicator_id = 'gemeenten.trafficking_policy_share'",
    )
    assert [(v, u, p) for v, u, p, _ in shown] == [
        (66.0, "https://vng.nl/rubrieken/mensenhandel-rapport-2023", "Aanpak mensenhandel in gemeenten, rapport 2023")
    ]
    # the value's vintage is the one first stated, in the first snapshot (which stays, as history)
    assert shown[0][3] == first[0][0]
    versions = rows(s, "SELECT count(*) FROM publication_versions WHERE source_id = 'gemeenten'")
    assert versions == [(2,)]
