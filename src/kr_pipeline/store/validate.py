"""Great Expectations validation of parsed observations, one suite per table (expectations/*.json).

great_expectations takes seconds to import, so it is imported here, lazily, and only when
there is something to validate: a build with work starts the import in a thread of its own
(`prepare_in_background`) while it waits on its parse child, and validation waits for it.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import hashlib
import importlib.abc
import importlib.util
import json
import sys
import threading
from dataclasses import dataclass, field

import pandas as pd

from ..config import EXPECTATIONS_DIR, quiet_frameworks
from ..kept import Kept


@dataclass
class ValidationReport:
    suite: str
    success: bool
    evaluated: int
    failed: int
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "suite": self.suite,
            "success": self.success,
            "evaluated": self.evaluated,
            "failed": self.failed,
            "failures": self.failures,
        }


def suite_path(suite: str):
    return EXPECTATIONS_DIR / f"{suite}.json"


_CONTEXT_LOCK = threading.Lock()  # one thread makes the context; another asking for it waits


def _context():
    """Great Expectations, its ephemeral context and the batch definition: made once per
    process (by whichever thread asks first; the others wait for it)."""
    with _CONTEXT_LOCK:
        return _make_context()


def prepare_in_background() -> None:
    """Import Great Expectations and make its context in a daemon thread, now, so that a build
    pays for it while it waits on parsing (the import is ~3 s of Python). Validation then
    waits for it (`_context`'s lock). Whatever fails here is left to the validation itself,
    which makes the context again and raises as it always did. Once per process: a no-op when
    the context is made or being made. The caller has imported pandas first (this module
    does), so the two threads do not import one package at once."""
    global _preparing
    with _PREPARE_LOCK:
        if _preparing is not None or _make_context.cache_info().currsize:
            return
        _preparing = threading.Thread(target=_quietly_context, name="kr-prepare-validation", daemon=True)
        _preparing.start()


# While Great Expectations is imported in the background, the build's own thread runs many short
# steps (each migration statement, each message to the parse child) that need the interpreter
# lock for a moment. At Python's default switch interval (5 ms) each waited up to 5 ms for the
# importing thread to let go: the cold build's migrations took 3.5 s instead of 0.3 s. For the
# import's length the interval is 0.2 ms, so the build's thread gets the lock at once.
_IMPORT_SWITCH_INTERVAL = 0.0002


def _quietly_context() -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(_IMPORT_SWITCH_INTERVAL)
    try:
        _context()
    except Exception:  # noqa: S110 (validation makes it again and reports the error)
        pass
    finally:
        sys.setswitchinterval(before)


_PREPARE_LOCK = threading.Lock()
_preparing: threading.Thread | None = None


# Packages Great Expectations imports for expectations this project does not use (the
# distribution tests' scipy.stats, the Kullback-Leibler one's altair charts): about 1 s of its
# 2.7 s import. They are imported lazily (the standard library's importlib.util.LazyLoader): the
# module object is made, its code runs when first used, as it would have on import.
_DEFERRED = ("scipy.stats", "altair")


class _Deferring(importlib.abc.MetaPathFinder):
    """While Great Expectations is imported: `names` found as usual, loaded lazily."""

    def __init__(self, names: tuple[str, ...]):
        self.names = {n for n in names if n not in sys.modules}

    def find_spec(self, name, path, target=None):
        if name not in self.names:
            return None
        self.names.discard(name)  # find it the usual way (this finder no longer answers for it)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


@functools.cache
def _make_context():
    quiet_frameworks()
    deferring = _Deferring(_DEFERRED)
    sys.meta_path.insert(0, deferring)
    try:
        import great_expectations as gx
    finally:
        sys.meta_path.remove(deferring)
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # Great Expectations fingerprints every batch smaller than this many bytes: a hash of every
    # cell, kept as batch metadata that validation never reads (~60 ms per 50,000 rows, more
    # than the DuckDB query of all the rules). Its own threshold, set to 0, switches that off.
    pandas_execution_engine.HASH_THRESHOLD = 0
    _filter_each_row_condition_once(pandas_execution_engine.PandasExecutionEngine)

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = ctx.data_sources.add_pandas("kr").add_dataframe_asset("observations")
    return gx, ctx, asset.add_batch_definition_whole_dataframe("whole")


# The row filters made during one validation (_run): condition -> (batch, filtered rows).
_ROW_FILTERS: contextvars.ContextVar[dict | None] = contextvars.ContextVar("kr_row_filters", default=None)


def _filter_each_row_condition_once(engine) -> None:
    """Great Expectations' pandas engine filters the batch by an expectation's row condition for
    every metric it computes (three or four per expectation, a pandas `query` each: most of the
    cost of the six rules with a condition). Within one validation of one batch a condition's
    rows are the same, so they are filtered once, during `_run` only (outside it the engine's
    own method runs). The batch is kept with its rows, so its id cannot be reused while the
    memo lives. Wrapped once, by _context (made once per process). Speed only: should an
    upgrade of Great Expectations rename the method, nothing is wrapped and validation is as
    before (tests/test_validate.py counts the filters)."""
    apply = getattr(engine, "_apply_row_condition_filter", None)  # Great Expectations 1.24
    if apply is None:
        return

    def once(self, data, row_condition, domain_kwargs):
        memo = _ROW_FILTERS.get()
        if memo is None:
            return apply(self, data, row_condition, domain_kwargs)
        key = (id(data), repr(row_condition), domain_kwargs.get("condition_parser"))
        if key not in memo:
            memo[key] = (data, apply(self, data, row_condition, domain_kwargs))
        return memo[key][1]

    engine._apply_row_condition_filter = once


def _prepared(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as validated: plus the fractional part of each value, so counts can be
    checked to be whole numbers by the suite itself."""
    out = df.copy()
    out["value_fraction"] = out["value"] % 1
    return out


KEY = "_publication"  # the column that says which publication a row of a batch belongs to
_MAX_SAMPLE = 20  # unexpected values named per failure (Great Expectations' partial list)


def _spec(suite: str) -> dict:
    spec = json.loads(suite_path(suite).read_text("utf-8"))
    for n, e in enumerate(spec["expectations"]):
        e.setdefault("meta", {})["n"] = n  # results are matched to the suite's expectations by this
    return spec


def _plain(v):
    """numpy scalars as Python values (so messages read alike whichever path made them)."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v.item() if hasattr(v, "item") else v


def _message(expectation: dict, sample) -> str:
    kwargs = {k: v for k, v in expectation["kwargs"].items() if k != "batch_id"}
    return f"{expectation['type']} {kwargs}: unexpected {_plain(sample)!r}"[:500]


def _run(frame: pd.DataFrame, expectations: list[dict], suite: str, result_format="SUMMARY"):
    """The suite's expectations on one frame. Great Expectations' Validator, which both
    `Batch.validate` and `ValidationDefinition.run` use, is called directly: `Batch.validate`
    fetches the batch a second time, and a ValidationDefinition would also store each result."""
    # the context first: it waits for a background import still under way (prepare_in_background);
    # importing Great Expectations' modules before that, beside the other thread, can meet them
    # half-initialised (an ImportError "partially initialized module", seen in CI)
    gx, ctx, batch_definition = _context()
    from great_expectations.validator.v1_validator import Validator

    validator = Validator(batch_definition=batch_definition, batch_parameters={"dataframe": frame}, result_format=result_format)
    filters = _ROW_FILTERS.set({})
    try:
        # A year is plausible up to next year (a publication can announce a coming year).
        return validator.validate_expectation_suite(
            gx.ExpectationSuite(name=suite, expectations=expectations),
            expectation_parameters={"max_year": dt.date.today().year + 1},
        ).results
    finally:
        _ROW_FILTERS.reset(filters)


# Verdicts already given in this process: the same rows against the same suite (and the same
# year limit) get the same verdict, so Great Expectations is not asked again (~0.3-0.6 s a run,
# whatever its rows). A long-lived process (a Prefect worker, the test suite, which builds the
# same publications many times) meets the same publications again.
_VERDICTS: Kept[ValidationReport] = Kept(2048)


def _fingerprint(df: pd.DataFrame, spec: dict) -> str | None:
    """What a verdict depends on: the suite as written, the year limit, the frame's columns,
    types and every value; None when a value cannot be hashed (then it is validated anew)."""
    h = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode())
    h.update(f"{dt.date.today().year}|{list(df.columns)!r}|{[str(t) for t in df.dtypes]!r}|{len(df)}".encode())
    try:
        h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    except (TypeError, ValueError):
        return None
    return h.hexdigest()


def forget_verdicts() -> None:
    """Validate everything anew from here on (the tests of Great Expectations' own work)."""
    _VERDICTS.clear()


def validate(df: pd.DataFrame, suite: str = "observations") -> ValidationReport:
    """One publication against the suite (expectations/<suite>.json)."""
    spec = _spec(suite)
    key = _fingerprint(df, spec)
    known = _VERDICTS.get(key)
    if known is not None:
        return known
    report = _validate(df, suite, spec)
    _VERDICTS.put(key, report)
    return report


def _validate(df: pd.DataFrame, suite: str, spec: dict) -> ValidationReport:
    frame = _prepared(df) if suite == "observations" else df
    results = _run(frame, spec["expectations"], suite)
    failures = []
    for r in sorted(results, key=lambda r: r.expectation_config.meta["n"]):
        if not r.success:
            detail = r.result or {}
            sample = detail.get("partial_unexpected_list") or detail.get("observed_value")
            failures.append(_message(spec["expectations"][r.expectation_config.meta["n"]], sample))
    return ValidationReport(suite=suite, success=not failures, evaluated=len(results), failed=len(failures), failures=failures)


def _keyed(e: dict) -> dict:
    """An expectation as it applies to a batch of many publications: a table's columns include
    the key, and a row is unique within its own publication."""
    e = json.loads(json.dumps(e))
    if e["type"] == "expect_table_columns_to_match_set":
        e["kwargs"]["column_set"] = [*e["kwargs"]["column_set"], KEY]
    if e["type"] == "expect_compound_columns_to_be_unique":
        e["kwargs"]["column_list"] = [*e["kwargs"]["column_list"], KEY]
    return e


def validate_many(frames: dict[str, pd.DataFrame], suite: str = "observations") -> dict[str, ValidationReport]:
    """Every publication of a build against the suite in one Great Expectations batch: the rows
    of all, each keyed by its publication; each failure is given back to the publications whose
    rows broke it (Great Expectations' unexpected_index_list names the key), so one bad
    publication is refused alone, with the same failures as validate() gives it.

    Validated alone instead (the verdict is then validate()'s by construction): a publication
    without rows or with other columns than the suite's, and all of them when the suite has a
    rule that is not about single rows (`mostly` below 1) or a table-level rule fails.
    A publication whose rows were validated before in this process keeps that verdict."""
    spec = _spec(suite)
    keys = {k: _fingerprint(df, spec) for k, df in frames.items()}
    known = {k: r for k in frames if (r := _VERDICTS.get(keys[k])) is not None}
    if len(known) == len(frames):
        return known
    fresh = _validate_many({k: df for k, df in frames.items() if k not in known}, suite, spec)
    for k, report in fresh.items():
        _VERDICTS.put(keys[k], report)
    return {k: known[k] if k in known else fresh[k] for k in frames}


def _validate_many(frames: dict[str, pd.DataFrame], suite: str, spec: dict) -> dict[str, ValidationReport]:
    extra = {"value_fraction"} if suite == "observations" else set()  # added by _prepared
    column_rule = next((e for e in spec["expectations"] if e["type"] == "expect_table_columns_to_match_set"), None)
    columns = set(column_rule["kwargs"]["column_set"]) if column_rule else None
    per_row = all(e["kwargs"].get("mostly", 1) >= 1 for e in spec["expectations"])
    alone = [
        k for k, df in frames.items() if not per_row or df.empty or (columns is not None and set(df.columns) | extra != columns)
    ]
    together = [k for k in frames if k not in alone]
    if len(together) < 2:
        alone, together = list(frames), []
    reports = {k: validate(frames[k], suite) for k in alone}
    if not together:
        return reports
    # One concatenation, keyed, then prepared once (not a copy of every frame).
    batch = pd.concat([frames[k] for k in together], keys=together, names=[KEY, None]).reset_index(level=0).reset_index(drop=True)
    if suite == "observations":
        batch = _prepared(batch)
    keyed = [_keyed(e) for e in spec["expectations"]]
    results = _run(batch, keyed, suite, result_format="BOOLEAN_ONLY")  # the common case: all pass
    evaluated = len(results)
    broken_rules = {r.expectation_config.meta["n"] for r in results if not r.success}
    if broken_rules:  # again, only the rules that failed, with the rows that broke them
        results = _run(
            batch,
            [e for e in keyed if e["meta"]["n"] in broken_rules],
            suite,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [KEY]},
        )
    failures: dict[str, list[tuple[int, str]]] = {k: [] for k in together}
    for r in results:
        if r.success:
            continue
        n = r.expectation_config.meta["n"]
        original = spec["expectations"][n]
        rows = (r.result or {}).get("unexpected_index_list")
        if rows is None:  # a table-level rule failed: which publication broke it is not known
            reports.update({k: validate(frames[k], suite) for k in together})
            return reports
        by_publication: dict[str, list] = {}
        for row in rows:
            by_publication.setdefault(row[KEY], []).append(row)
        compound = original["kwargs"].get("column_list")
        for key, broken in by_publication.items():
            sample = [{c: row[c] for c in compound} if compound else row[original["kwargs"]["column"]] for row in broken]
            failures[key].append((n, _message(original, sample[:_MAX_SAMPLE])))
    for k in together:
        named = [message for _, message in sorted(failures[k])]
        reports[k] = ValidationReport(suite, not named, evaluated, len(named), named)
    return reports
