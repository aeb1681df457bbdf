"""The Great Expectations suite catches what a parser must never let through."""

import pickle
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from kr_pipeline.publishers.ncmec import parser as ncmec
from kr_pipeline.store.validate import validate

from .conftest import NCMEC_PDFS


@pytest.fixture(autouse=True)
def validated_anew():
    """These tests watch Great Expectations at work: no verdict comes from an earlier test."""
    from kr_pipeline.store.validate import forget_verdicts

    forget_verdicts()


@pytest.fixture(scope="module")
def good():
    return ncmec.parse(NCMEC_PDFS[2022].read_bytes(), 2022, "2022.pdf").observations


def test_real_publication_passes(good):
    report = validate(good)
    assert report.success and report.failed == 0 and report.evaluated >= 15


@pytest.mark.parametrize(
    "column, value, expectation",
    [
        ("value", -3.0, "expect_column_values_to_be_between"),
        ("value", 10.5, "value_fraction"),  # a count that is not whole
        ("year", 1850, "'column': 'year'"),
        ("year", 2999, "'column': 'year'"),
        ("qualifier", "guess", "expect_column_values_to_be_in_set"),
        ("country_iso3", "NL", "expect_column_values_to_match_regex"),
        ("country_name", "Albania", "expect_compound_columns_to_be_unique"),  # duplicate key
    ],
)
def test_bad_values_fail(good, column, value, expectation):
    bad = good.copy()
    bad.loc[5, column] = value
    report = validate(bad)
    assert not report.success
    assert any(expectation in f for f in report.failures), report.failures


def test_share_over_100_and_value_with_no_value_qualifier_fail(good):
    bad = good.copy()
    bad.loc[3, "unit"] = "percent"
    bad.loc[3, "value"] = 120.0
    bad.loc[4, "qualifier"] = "no_value"
    failures = " ".join(validate(bad).failures)
    assert "'max_value': 100" in failures and "expect_column_values_to_be_null" in failures


def test_one_batch_gives_every_publication_the_verdict_it_gets_alone(good):
    """validate_many (one Great Expectations batch for a whole build) against validate (one
    publication at a time): the same verdict and the same named failures for each of good and
    bad publications, including a duplicate key (unique within a publication, not across), a
    publication without rows and one with a missing column (validated alone)."""
    from kr_pipeline.publishers.ncmec import parser as ncmec
    from kr_pipeline.store.validate import validate_many

    from .conftest import NCMEC_PDFS

    frames = {f"ncmec {y}": ncmec.parse(NCMEC_PDFS[y].read_bytes(), y, f"{y}.pdf").observations for y in (2019, 2020, 2023)}
    frames["good 2022"] = good
    for name, (column, value) in {
        "negative": ("value", -3.0),
        "fraction": ("value", 10.5),
        "old year": ("year", 1850),
        "qualifier": ("qualifier", "guess"),
        "iso": ("country_iso3", "NL"),
        "duplicate": ("country_name", "Albania"),
    }.items():
        bad = good.copy()
        bad.loc[5, column] = value
        bad.loc[7, column] = value
        frames[name] = bad
    two = good.copy()
    two.loc[3, "unit"], two.loc[3, "value"], two.loc[4, "qualifier"] = "percent", 120.0, "no_value"
    frames["two failures"] = two
    frames["empty"] = good.iloc[0:0]
    frames["missing column"] = good.drop(columns=["text_part"])
    together = validate_many(frames)
    alone = {k: validate(df) for k, df in frames.items()}
    assert together == alone
    assert [k for k, r in together.items() if r.success] == ["ncmec 2019", "ncmec 2020", "ncmec 2023", "good 2022"]
    assert together["two failures"].failed == 2


def test_a_validation_fetches_its_batch_once_and_hashes_nothing(good, monkeypatch):
    """Great Expectations fingerprints a batch (a hash of every cell, metadata nothing reads)
    each time it fetches it, and `Batch.validate` fetched it twice: a build's batch is fetched
    once and not hashed."""
    from great_expectations.execution_engine import pandas_execution_engine as engine

    from kr_pipeline.store.validate import validate_many

    fetched, hashed = [], []
    fetch, digest = engine.PandasExecutionEngine.get_batch_data_and_markers, engine.hash_pandas_dataframe
    monkeypatch.setattr(
        engine.PandasExecutionEngine, "get_batch_data_and_markers", lambda *a, **k: fetched.append(1) or fetch(*a, **k)
    )
    monkeypatch.setattr(engine, "hash_pandas_dataframe", lambda df: hashed.append(len(df)) or digest(df))
    reports = validate_many({"a": good, "b": good.copy()})
    assert all(r.success for r in reports.values())
    assert (len(fetched), hashed) == (1, [])


def test_each_row_condition_filters_the_batch_once_per_validation(good, monkeypatch):
    """Great Expectations filters by a row condition for every metric of an expectation (a
    pandas query each); within one validation each of the suite's conditions is applied once.
    The verdicts stay the engine's: test_one_batch_gives_every_publication_the_verdict_it_gets_alone
    fails rows of the conditional rules through the same path."""
    import json

    import pandas as pd

    from kr_pipeline.store.validate import suite_path, validate_many

    conditions = {
        json.dumps(e["kwargs"]["row_condition"])
        for e in json.loads(suite_path("observations").read_text())["expectations"]
        if "row_condition" in e["kwargs"]
    }
    queries = []
    query = pd.DataFrame.query
    monkeypatch.setattr(pd.DataFrame, "query", lambda self, expr, **k: queries.append(expr) or query(self, expr, **k))
    bad = good.copy()
    bad.loc[3, "value"] = -3.0  # breaks a conditional rule: its failing rows are filtered again, once
    reports = validate_many({"a": good, "b": good.copy(), "bad": bad})
    assert [k for k, r in reports.items() if not r.success] == ["bad"]
    assert len(conditions) == 6 and len(queries) == len(set(queries)) + 1 == len(conditions) + 1


def test_great_expectations_made_in_the_background_gives_the_same_verdicts(good):
    """validate.prepare_in_background imports Great Expectations and makes its context in a
    thread (a build starts it while it parses); validation then uses that context, with the
    verdicts it gives otherwise, with the packages it imports only for expectations not used
    here (validate._DEFERRED) never run. In a fresh process: this one has its context already."""
    bad = good.copy()
    bad.loc[0, "value"] = -3.0
    expected = validate(bad).failures
    script = textwrap.dedent(
        """
        import pickle, sys
        from kr_pipeline.store import validate
        assert "great_expectations" not in sys.modules
        validate.prepare_in_background()
        validate._preparing.join(300)
        made = validate._make_context.cache_info().currsize
        frame = pickle.loads(sys.stdin.buffer.read())
        failures = validate.validate(frame).failures
        # what Great Expectations imports for expectations not used here was never run
        deferred = {m: type(sys.modules.get(m)).__name__ for m in ("scipy.stats", "altair")}
        assert set(deferred.values()) == {"_LazyModule"}, deferred
        assert sys.getswitchinterval() == 0.005  # the import's short interval is given back
        print(made, repr(failures))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], input=pickle.dumps(bad), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout.decode().strip() == f"1 {expected!r}"


def test_a_verdict_given_once_is_not_asked_again_but_any_change_is(good, monkeypatch):
    """The same rows against the same suite keep their verdict without a second run of Great
    Expectations; a changed value, an added row or another suite is validated anew."""
    from kr_pipeline.store import validate as v

    runs = []
    real = v._run
    monkeypatch.setattr(v, "_run", lambda frame, *a, **k: runs.append(len(frame)) or real(frame, *a, **k))
    first = v.validate_many({"a": good, "b": good.copy()})
    assert all(r.success for r in first.values()) and len(runs) == 1
    again = v.validate_many({"b": good.copy(), "a": good.copy()})
    assert again == first and len(runs) == 1
    bad = good.copy()
    bad.loc[3, "value"] = -3.0
    assert not v.validate(bad).success and len(runs) == 2
    longer = pd.concat([good, good.tail(1)], ignore_index=True)
    assert not v.validate(longer).success  # the repeated row breaks uniqueness: validated, not remembered as good
    assert len(runs) == 3
    other = {**v._spec("observations"), "expectations": v._spec("observations")["expectations"][:3]}
    monkeypatch.setattr(v, "_spec", lambda suite: other)
    assert v.validate(good).evaluated == 3 and len(runs) == 4
