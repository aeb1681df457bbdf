"""Great Expectations validation of parsed observations, one suite per table (expectations/*.json).

great_expectations takes seconds to import, so it is imported here, lazily, and only when
there is something to validate.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field

import pandas as pd

from .config import EXPECTATIONS_DIR, quiet_frameworks


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


@functools.cache
def _context():
    quiet_frameworks()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = ctx.data_sources.add_pandas("kr").add_dataframe_asset("observations")
    return gx, ctx, asset.add_batch_definition_whole_dataframe("whole")


def _prepared(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as validated: plus the fractional part of each value, so counts can be
    checked to be whole numbers by the suite itself."""
    out = df.copy()
    out["value_fraction"] = out["value"] % 1
    return out


def validate(df: pd.DataFrame, suite: str = "observations") -> ValidationReport:
    gx, ctx, batch_definition = _context()
    spec = json.loads(suite_path(suite).read_text("utf-8"))
    expectations = gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"])
    frame = _prepared(df) if suite == "observations" else df
    batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
    # A year is plausible up to next year (a publication can announce a coming year).
    result = batch.validate(expectations, expectation_parameters={"max_year": dt.date.today().year + 1})
    failures = []
    for r in result.results:
        if not r.success:
            cfg = r.expectation_config
            kwargs = {k: v for k, v in cfg.kwargs.items() if k not in ("batch_id",)}
            detail = r.result or {}
            sample = detail.get("partial_unexpected_list") or detail.get("observed_value")
            failures.append(f"{cfg.type} {kwargs}: unexpected {sample!r}"[:500])
    return ValidationReport(
        suite=suite,
        success=bool(result.success),
        evaluated=len(result.results),
        failed=len(failures),
        failures=failures,
    )
