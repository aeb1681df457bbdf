"""The closed vocabularies of the warehouse, written once: Python uses these enums; the
expectation suite (expectations/observations.json), the SQL (warehouse/views.sql) and the
site's labels (presentation.py) are checked against them by tests/test_vocabulary.py."""

from __future__ import annotations

from enum import StrEnum


class Qualifier(StrEnum):
    """How exact a published value is."""

    EXACT = "exact"
    APPROX = "approx"  # rounded: 'ruim', 'circa', 'about'
    LOWER_BOUND = "lower_bound"  # 'meer dan', 'more than'
    SUPPRESSED = "suppressed"  # below upper_bound ('minder dan tien'): no value
    RANGE = "range"  # value_low to value_high: no value
    NO_VALUE = "no_value"  # printed '-': no value


# The qualifiers that come with a value (the others: none).
VALUED = (Qualifier.EXACT, Qualifier.APPROX, Qualifier.LOWER_BOUND)


class LoadStatus(StrEnum):
    """What became of one load attempt (table loads)."""

    STARTED = "started"  # left so: an interrupted load, its data rolled back
    LOADED = "loaded"
    REJECTED = "rejected"  # refused as read (parse, catalog, validation, checksum)
    FAILED = "failed"  # something broke


class Voice(StrEnum):
    """Whose voice a prose publication speaks in (reading.prose.voice_of)."""

    OWN = "own"  # the publisher's own site or report: its figures may load
    REPORTED = "reported"  # press, another organisation: its figures wait in review


class TextPart(StrEnum):
    """Where in the publication a value stands: a headline's rounded figure yields to the body's."""

    TABLE = "table"
    BODY = "body"
    HEADLINE = "headline"


class SnapshotStatus(StrEnum):
    """What became of a stored file (`kr snapshot list`, view snapshot_status): its newest
    load's status, or one of these."""

    LOADED = "loaded"
    REJECTED = "rejected"
    FAILED = "failed"
    STARTED = "started"
    WITHDRAWN = "withdrawn"  # added by mistake (`kr snapshot withdraw`)
    REFERENCE = "reference"  # kept to check quotes against, never loaded
    NOT_LOADED = "not loaded"
