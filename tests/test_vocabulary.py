"""The closed vocabularies are written once (kr_pipeline.vocabulary); the expectation suite, the
SQL and the site's labels say the same."""

import json
import re

from kr_pipeline.config import EXPECTATIONS_DIR, WAREHOUSE_DIR
from kr_pipeline.observations import TEXT_PARTS
from kr_pipeline.present import presentation
from kr_pipeline.vocabulary import VALUED, LoadStatus, Qualifier, SnapshotStatus, TextPart

SUITE = json.loads((EXPECTATIONS_DIR / "observations.json").read_text("utf-8"))
VIEWS = (WAREHOUSE_DIR / "views.sql").read_text("utf-8")


def _expectation(kind: str, column: str, condition: bool | None = None):
    for e in SUITE["expectations"]:
        kw = e["kwargs"]
        if e["type"] == kind and kw.get("column") == column and (condition is None or ("row_condition" in kw) == condition):
            yield kw


def test_the_suite_knows_exactly_the_qualifiers():
    [in_set] = _expectation("expect_column_values_to_be_in_set", "qualifier")
    assert set(in_set["value_set"]) == set(Qualifier)
    [present] = _expectation("expect_column_values_to_not_be_null", "value", condition=True)
    assert set(present["row_condition"]["parameter"]) == set(VALUED)
    [absent] = _expectation("expect_column_values_to_be_null", "value", condition=True)
    assert set(absent["row_condition"]["parameter"]) == {Qualifier.SUPPRESSED, Qualifier.NO_VALUE}


def test_the_sql_rounding_rule_handles_every_qualifier_with_an_interval():
    for macro in ("consistent_lo", "consistent_hi"):
        body = VIEWS.split(f"CREATE OR REPLACE MACRO {macro}", 1)[1].split(";", 1)[0]
        assert set(re.findall(r"WHEN '(\w+)'", body)) == set(Qualifier) - {Qualifier.NO_VALUE}, macro


def test_the_site_labels_every_qualifier_and_text_part():
    assert set(presentation.QUALIFIERS) == set(Qualifier)
    assert set(TEXT_PARTS) == set(TextPart)


def test_load_statuses_in_the_sql_are_the_vocabulary():
    sql = VIEWS + "".join(p.read_text("utf-8") for p in sorted((WAREHOUSE_DIR / "migrations").glob("*.sql")))
    used = set(re.findall(r"status\s*(?:=|<>|IN)\s*\(?'(\w+)'", sql)) | {
        s for group in re.findall(r"status\s+IN\s*\(([^)]*)\)", sql) for s in re.findall(r"'(\w+)'", group)
    }
    assert used and used <= set(LoadStatus) | set(SnapshotStatus), used - set(LoadStatus) - set(SnapshotStatus)
    assert set(LoadStatus) <= set(SnapshotStatus)
