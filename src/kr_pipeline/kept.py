"""Results kept in this process by what they depend on (a pure function's key): the same
inputs are not worked out again. Each value is taken in and handed out as a copy (callers may
change what they get); at most `kept` values, the least recently used dropped first; a new
process starts empty."""

from __future__ import annotations

import collections
import copy
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    def __init__(self, kept: int):
        self._kept = kept
        self._values: collections.OrderedDict[Hashable, V] = collections.OrderedDict()

    def get(self, key: Hashable | None) -> V | None:
        """A copy of the value kept for key, or None (also for no key: not kept)."""
        if key is None or key not in self._values:
            return None
        self._values.move_to_end(key)
        return copy.deepcopy(self._values[key])

    def put(self, key: Hashable | None, value: V) -> None:
        if key is None:
            return
        self._values[key] = copy.deepcopy(value)
        while len(self._values) > self._kept:
            self._values.popitem(last=False)

    def clear(self) -> None:
        self._values.clear()
